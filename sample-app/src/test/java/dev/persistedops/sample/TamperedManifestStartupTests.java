package dev.persistedops.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Starting the sample app on a manifest with one tampered entry fails, and says which
 * entry and which property to look at.
 */
@ExtendWith(OutputCaptureExtension.class)
class TamperedManifestStartupTests {

	/**
	 * An Apollo manifest whose second entry's body was changed after its id was computed.
	 */
	private static final String MANIFEST = """
			{"format":"apollo-persisted-query-manifest","version":1,"operations":[
			{"id":"6dcbaca2e920db6581889c0a4ae10378cde64b5b215940be0275d61637abf03e","name":"GetBook","type":"query",
			 "body":"query GetBook($id: ID!) {\\n  book(id: $id) {\\n    id\\n    title\\n    author\\n  }\\n}\\n"},
			{"id":"d793d3c304906d85689f104235cebcdfef56e11f250ea75362b2a9c16dbb7a98","name":"ListBooks","type":"query",
			 "body":"query ListBooks { books(first: 1000) { id title author } }"}
			]}
			""";

	@Test
	void tamperedEntryFailsStartupNamingTheEntry(@TempDir Path directory, CapturedOutput output) throws IOException {
		Path manifest = Files.writeString(directory.resolve("persisted-query-manifest.json"), MANIFEST);
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(SampleApplication.class).run("--server.port=0",
					"--persisted-ops.store.type=manifest", "--persisted-ops.store.manifest.locations=file:" + manifest))
			.withStackTraceContaining("operations[1]")
			.withStackTraceContaining("d793d3c304906d85689f104235cebcdfef56e11f250ea75362b2a9c16dbb7a98");
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("operations[1]: id 'd793d3c304906d85689f104235cebcdfef56e11f250ea75362b2a9c16dbb7a98'")
			.contains("persisted-ops.store.manifest.locations")
			.doesNotContain("operations[0]:");
	}

	@Test
	void untamperedManifestStarts(@TempDir Path directory) throws IOException {
		String untampered = MANIFEST.replace("query ListBooks { books(first: 1000) { id title author } }",
				"query ListBooks($author: String, $first: Int) {\\n  books(author: $author, first: $first) {\\n    id\\n    title\\n    author\\n  }\\n}\\n");
		Path manifest = Files.writeString(directory.resolve("persisted-query-manifest.json"), untampered);
		new SpringApplicationBuilder(SampleApplication.class)
			.run("--server.port=0", "--persisted-ops.store.type=manifest",
					"--persisted-ops.store.manifest.locations=file:" + manifest)
			.close();
	}

}
