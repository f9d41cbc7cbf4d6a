package dev.persistedops.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.maven.test.MavenBuild;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code export} goal in real Maven builds of a client project: what it writes, byte
 * for byte, and how it reports documents it cannot export.
 */
class ExportGoalTests {

	private static final Path DOCUMENTS_PROJECT = Path.of("src/test/projects/documents");

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path work;

	private MavenBuild build;

	private Path documents;

	@BeforeEach
	void copyProject() {
		this.build = MavenBuild.copyOf(DOCUMENTS_PROJECT, this.work);
		this.documents = this.build.projectDirectory().resolve("src/main/resources/graphql-documents");
	}

	@Test
	void exportsEveryFormatWithIdsThatAreTheHashesOfTheExactFileBytes() throws IOException {
		// Line ends and characters the client sends as they are, so the ids must cover
		// them.
		Files.writeString(this.documents.resolve("windows.graphql"),
				"query Windows {\r\n  books {\r\n    id\r\n  }\r\n}\r\n");
		MavenBuild.Result result = this.build.property("persisted-ops.formats", "apollo,relay,directory")
			.run("process-resources");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output())
			.contains("persisted-ops:" + System.getProperty("persisted-ops.version") + ":export (default) @ documents")
			.doesNotContain(":check (default)");

		Path output = this.build.projectDirectory().resolve("target/persisted-operations");
		Map<String, Path> files = Map.of("AddBook", this.documents.resolve("admin/addBook.gql"), "BookAdded",
				this.documents.resolve("bookAdded.graphql"), "BookById", this.documents.resolve("bookById.graphql"),
				"BooksBy", this.documents.resolve("booksBy.graphql"), "Windows",
				this.documents.resolve("windows.graphql"));

		JsonNode manifest = json.readTree(output.resolve("persisted-query-manifest.json").toFile());
		assertThat(manifest.path("format").stringValue()).isEqualTo("apollo-persisted-query-manifest");
		assertThat(manifest.path("version").intValue()).isEqualTo(1);
		List<String> names = new ArrayList<>();
		for (JsonNode operation : manifest.path("operations")) {
			String name = operation.path("name").stringValue();
			names.add(name);
			byte[] bytes = Files.readAllBytes(files.get(name));
			assertThat(operation.path("body").stringValue()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
			assertThat(operation.path("id").stringValue()).isEqualTo(sha256(bytes));
		}
		assertThat(names).containsExactly("AddBook", "BookAdded", "BookById", "BooksBy", "Windows");
		assertThat(manifest.path("operations").findValuesAsString("type")).containsExactly("mutation", "subscription",
				"query", "query", "query");

		JsonNode relay = json.readTree(output.resolve("persisted-queries.json").toFile());
		List<String> keys = new ArrayList<>(relay.propertyNames());
		assertThat(keys).isSorted().hasSize(5);
		for (Path file : files.values()) {
			byte[] bytes = Files.readAllBytes(file);
			assertThat(relay.path(sha256(bytes)).stringValue()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
			Path exported = output.resolve("documents").resolve(sha256(bytes) + ".graphql");
			assertThat(Files.mismatch(exported, file)).as(exported.toString()).isEqualTo(-1L);
		}
		try (var exported = Files.list(output.resolve("documents"))) {
			assertThat(exported).hasSize(5);
		}
	}

	@Test
	void manifestIsTheSameBytesOnEveryRunAndReadsLikeJsonStringify() throws IOException {
		assertThat(this.build.run("process-resources").exitCode()).isZero();
		Path manifest = this.build.projectDirectory()
			.resolve("target/persisted-operations/persisted-query-manifest.json");
		byte[] first = Files.readAllBytes(manifest);
		assertThat(this.build.run("process-resources").exitCode()).isZero();
		assertThat(Files.readAllBytes(manifest)).isEqualTo(first);
		assertThat(new String(first, StandardCharsets.UTF_8))
			.startsWith(
					"{\n  \"format\": \"apollo-persisted-query-manifest\",\n  \"version\": 1,\n  \"operations\": [\n"
							+ "    {\n      \"id\": \"")
			.contains("\"name\": \"AddBook\",\n      \"type\": \"mutation\",\n      \"body\": \"mutation AddBook(")
			.endsWith("}\n  ]\n}\n");
	}

	@Test
	void documentsThatAreNotOneNamedOperationFailTheBuildNamingEachFile() throws IOException {
		Files.writeString(this.documents.resolve("broken.graphql"), "query Broken {\n  books {\n    id\n");
		Files.writeString(this.documents.resolve("two.graphql"),
				"query One { books { id } }\nquery Two { books { id } }\n");
		Files.writeString(this.documents.resolve("anonymous.graphql"), "{ books { id } }\n");
		Files.writeString(this.documents.resolve("bookAdded.gql"), "subscription Shadowed { bookAdded { id } }\n");
		Files.writeString(this.documents.resolve("again.graphql"), "query BookById { books { id } }\n");
		MavenBuild.Result result = this.build.run("process-resources");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).contains("5 problems with the GraphQL documents:")
			.contains(this.documents.resolve("broken.graphql") + " is not valid GraphQL: Invalid syntax")
			.contains(this.documents.resolve("two.graphql") + " holds 2 operations")
			.contains(this.documents.resolve("anonymous.graphql") + " holds an anonymous query; give it a name")
			.contains(this.documents.resolve("bookAdded.gql") + " is never sent: Spring's client loads "
					+ this.documents.resolve("bookAdded.graphql") + " for documentName(\"bookAdded\")")
			.contains(" both define the operation 'BookById'")
			.doesNotContain("\tat ");
		assertThat(this.build.projectDirectory().resolve("target/persisted-operations")).doesNotExist();
	}

	@Test
	void missingDocumentsDirectoryFailsTheBuildNamingIt() {
		MavenBuild.Result result = this.build.property("persisted-ops.documentsDirectory", "src/main/graphql")
			.run("process-resources");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output())
			.contains("The documents directory " + this.build.projectDirectory().resolve("src/main/graphql")
					+ " does not exist")
			.doesNotContain("\tat ");
	}

	@Test
	void unknownFormatFailsTheBuildNamingTheValidOnes() {
		MavenBuild.Result result = this.build.property("persisted-ops.formats", "apollo,persisted_queries")
			.run("process-resources");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output())
			.contains("'persisted_queries' is not an export format; use one of apollo, relay, directory")
			.doesNotContain("\tat ");
	}

	static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
