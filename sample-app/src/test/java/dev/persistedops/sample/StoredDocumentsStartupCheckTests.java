package dev.persistedops.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The sample app on its exported documents plus one made for an older schema (it asks for
 * a book's {@code isbn}, which the schema no longer has): the prod profile refuses to
 * start, naming the document, its file and the field; the default profile starts and logs
 * the same.
 */
@ExtendWith(OutputCaptureExtension.class)
class StoredDocumentsStartupCheckTests {

	private static final String STALE = "query BookIsbn($id: ID!) {\n  book(id: $id) {\n    title\n    isbn\n  }\n}\n";

	private static final String STALE_ID = "ios/" + new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX).hash(STALE);

	@TempDir
	Path documents;

	@Test
	void prodProfileFailsStartupNamingTheDocumentItsFileAndTheField(CapturedOutput output) throws IOException {
		Path stale = exportWithStaleDocument();
		assertThatException().isThrownBy(() -> startOnExport("--spring.profiles.active=prod"))
			.withStackTraceContaining(STALE_ID);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("1 of 6 persisted documents in the store is not valid against the schema:")
			.contains(" - BookIsbn (id '" + STALE_ID + "', file [" + stale + "]): ")
			.contains("Field 'isbn' in type 'Book' is undefined")
			.contains("persisted-ops.validation.mode=warn");
		assertThat(output.getOut().lines().filter((line) -> line.startsWith(" - ")).distinct())
			.as("only the stale document is listed")
			.singleElement();
	}

	@Test
	void defaultProfileStartsAndLogsTheSameMessage(CapturedOutput output) throws IOException {
		Path stale = exportWithStaleDocument();
		try (ConfigurableApplicationContext context = startOnExport()) {
			assertThat(output).doesNotContain("APPLICATION FAILED TO START")
				.contains("WARN")
				.contains("1 of 6 persisted documents in the store is not valid against the schema:")
				.contains(" - BookIsbn (id '" + STALE_ID + "', file [" + stale + "]): ")
				.contains("Field 'isbn' in type 'Book' is undefined")
				.contains("persisted-ops.validation.mode=fail refuses them")
				.contains("documents checked against the schema warn");
		}
	}

	@Test
	void prodProfileStartsOnTheExportedDocuments(CapturedOutput output) {
		start("--spring.profiles.active=prod").close();
		assertThat(output).contains("documents checked against the schema fail").doesNotContain("not valid");
	}

	private Path exportWithStaleDocument() throws IOException {
		Path exported = Path.of("src/main/resources/persisted-operations");
		try (Stream<Path> files = Files.walk(exported)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path copy = this.documents.resolve(exported.relativize(file).toString());
				Files.createDirectories(copy.getParent());
				Files.copy(file, copy);
			}
		}
		return Files.writeString(this.documents.resolve(STALE_ID + ".graphql"), STALE);
	}

	private ConfigurableApplicationContext startOnExport(String... arguments) {
		List<String> all = new ArrayList<>(List.of(arguments));
		all.add("--persisted-ops.store.filesystem.locations=file:" + this.documents + "/");
		return start(all.toArray(String[]::new));
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		List<String> all = new ArrayList<>(List.of(arguments));
		all.add("--server.port=0");
		return new SpringApplicationBuilder(SampleApplication.class).run(all.toArray(String[]::new));
	}

}
