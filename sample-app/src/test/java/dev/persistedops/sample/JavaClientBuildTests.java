package dev.persistedops.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.maven.test.MavenBuild;
import dev.persistedops.test.GraphQlTestClient;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Java client's Maven build with the plugin, run for real: {@code verify} exports its
 * three operations and checks them against the sample app's schema; the sample app, in
 * enforce mode, loads the exported manifest and serves every id. With a field removed
 * from the schema, the check fails and names the operation that uses it.
 */
class JavaClientBuildTests {

	@TempDir
	Path work;

	@Test
	void exportedManifestIsLoadedByTheSampleAppWhichServesEveryId() throws IOException {
		MavenBuild build = JavaClientProject.copyTo(this.work);
		MavenBuild.Result result = build
			.property("persisted-ops.schemaFiles", JavaClientProject.SAMPLE_SCHEMA.toString())
			.run("verify");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("3 operations are valid against the schema in");

		Path manifest = build.projectDirectory().resolve("target/persisted-operations/persisted-query-manifest.json");
		Map<String, String> ids = new HashMap<>();
		JsonNode operations = JsonMapper.builder().build().readTree(manifest.toFile()).path("operations");
		for (JsonNode operation : operations) {
			String name = operation.path("name").stringValue();
			String document = Character.toLowerCase(name.charAt(0)) + name.substring(1) + ".graphql";
			assertThat(operation.path("id").stringValue()).isEqualTo(JavaClientProject.sha256Of(build, document));
			assertThat(operation.path("body").stringValue()).isEqualTo(
					Files.readString(JavaClientProject.documentsOf(build).resolve(document), StandardCharsets.UTF_8));
			ids.put(name, operation.path("id").stringValue());
		}
		assertThat(operations.findValuesAsString("type")).containsExactly("mutation", "subscription", "query");

		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class).run(
				"--server.port=0", "--persisted-ops.enforcement.mode=enforce", "--persisted-ops.store.type=manifest",
				"--persisted-ops.store.manifest.locations=file:" + manifest)) {
			GraphQlTestClient graphQl = new GraphQlTestClient(
					((WebServerApplicationContext) context).getWebServer().getPort());
			graphQl.post(Map.of("query", "{ books { title } }"))
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("PERSISTED_QUERY_ONLY");
			graphQl.post(Map.of("id", ids.get("BookById"), "variables", Map.of("id", "1")))
				.expectBody()
				.jsonPath("$.data.book.author")
				.isEqualTo("Ursula K. Le Guin");
			Runnable addBook = () -> graphQl
				.post(Map.of("documentId", "sha256:" + ids.get("AddBook"), "variables",
						Map.of("title", "Lilith's Brood", "author", "Octavia E. Butler")))
				.expectBody()
				.jsonPath("$.data.addBook.title")
				.isEqualTo("Lilith's Brood");
			List<Map<String, Object>> messages = graphQl.subscribe(
					Map.of("extensions",
							Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", ids.get("BookAdded")))),
					1, addBook);
			assertThat(messages).extracting((message) -> message.get("type")).containsExactly("next");
			assertThat(messages.get(0).toString()).contains("Lilith's Brood").doesNotContain("errors");
		}
	}

	@Test
	void checkFailsNamingTheOperationOnceAFieldItUsesIsRemovedFromTheSchema() throws IOException {
		String schema = Files.readString(JavaClientProject.SAMPLE_SCHEMA);
		int book = schema.indexOf("type Book {");
		String withoutAuthor = schema.substring(0, book)
				+ schema.substring(book).replaceFirst("(?m)^\\s*author: String!\\s*\\n", "");
		assertThat(withoutAuthor).isNotEqualTo(schema).contains("addBook(title: String!, author: String!)");
		Path changed = Files.writeString(this.work.resolve("schema.graphqls"), withoutAuthor);

		MavenBuild build = JavaClientProject.copyTo(this.work);
		MavenBuild.Result result = build.property("persisted-ops.schemaFiles", changed.toString()).run("verify");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).contains("1 of 3 operations are not valid against the schema in [" + changed + "]:")
			.contains("  - BookById (" + JavaClientProject.documentsOf(build).resolve("bookById.graphql")
					+ "): Validation error (FieldUndefined@[BookDetails/author]) : Field 'author' in type 'Book' is undefined")
			.doesNotContain("  - AddBook")
			.doesNotContain("  - BookAdded");
	}

}
