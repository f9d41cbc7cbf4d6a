package dev.persistedops.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.persistedops.maven.test.MavenBuild;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Java client's Maven build publishes its operations with the plugin to the running
 * sample app (its redis and build-endpoints profiles, on a real Redis), over the
 * OperationStore sync protocol: 3 added, then 3 not modified, and the operations run by
 * {@code operationId}. A wrong secret fails the build and stores nothing; an operation
 * the server refuses fails the build naming it. The client's check also runs against the
 * running app's introspection.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "RELAY_PERSIST_TOKEN=unused", "OPERATION_STORE_SECRET=" + JavaClientPublishTests.SECRET })
class JavaClientPublishTests extends BuildEndpointsOnRedis {

	static final String SECRET = "java-client-build-secret";

	@TempDir
	Path work;

	private MavenBuild build;

	@BeforeEach
	void copyProject() {
		this.build = JavaClientProject.copyTo(this.work)
			.property("persisted-ops.url", "http://localhost:" + this.port + "/persisted-operations/sync")
			.property("persisted-ops.client", "ios");
	}

	@Test
	void checkPassesAgainstTheRunningAppsIntrospection() {
		MavenBuild.Result result = this.build
			.property("persisted-ops.schemaUrl", "http://localhost:" + this.port + "/graphql")
			.run("persisted-ops:check");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output())
			.contains("3 operations are valid against the schema of http://localhost:" + this.port + "/graphql");
	}

	@Test
	void wrongSecretStoresNothingThenPublishAddsThreeThenReportsThemNotModified() {
		String bookById = "ios/" + JavaClientProject.sha256Of(this.build, "bookById.graphql");
		String addBook = "ios/" + JavaClientProject.sha256Of(this.build, "addBook.graphql");
		String bookAdded = "ios/" + JavaClientProject.sha256Of(this.build, "bookAdded.graphql");

		MavenBuild.Result refused = this.build.environment("PERSISTED_OPS_SECRET", "not-the-secret")
			.run("persisted-ops:publish");
		assertThat(refused.exitCode()).isEqualTo(1);
		assertThat(refused.output()).contains("refused the request (HTTP 401)")
			.contains("Check the client name ('ios') and its secret.")
			.doesNotContain("not-the-secret")
			.doesNotContain(SECRET);
		for (String id : List.of(bookById, addBook, bookAdded)) {
			this.graphQl.post(Map.of("operationId", id))
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		}

		this.build.environment("PERSISTED_OPS_SECRET", SECRET);
		MavenBuild.Result published = this.build.run("persisted-ops:publish");
		assertThat(published.exitCode()).as(published.output()).isZero();
		assertThat(published.output()).contains("  3 added\n", "  0 not modified\n", "  0 failed\n")
			.contains("added BookById as " + bookById)
			.doesNotContain(SECRET);

		this.graphQl.post(Map.of("operationId", bookById, "variables", Map.of("id", "2")))
			.expectBody()
			.jsonPath("$.data.book.title")
			.isEqualTo("The Dispossessed");
		Runnable addByOperationId = () -> this.graphQl
			.post(Map.of("extensions", Map.of("operationId", addBook), "variables",
					Map.of("title", "Fledgling", "author", "Octavia E. Butler")))
			.expectBody()
			.jsonPath("$.data.addBook.title")
			.isEqualTo("Fledgling");
		List<Map<String, Object>> messages = this.graphQl.subscribe(Map.of("operationId", bookAdded), 1,
				addByOperationId);
		assertThat(messages).extracting((message) -> message.get("type")).containsExactly("next");
		assertThat(messages.get(0).toString()).contains("Fledgling");

		MavenBuild.Result again = this.build.run("persisted-ops:publish");
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("  0 added\n", "  3 not modified\n", "  0 failed\n");
	}

	@Test
	void anOperationTheServerRefusesFailsTheBuildNamingIt() throws IOException {
		Path documents = JavaClientProject.documentsOf(this.build);
		try (var files = Files.list(documents)) {
			for (Path file : files.toList()) {
				Files.delete(file);
			}
		}
		Files.writeString(documents.resolve("firstTwoBooks.graphql"),
				"query FirstTwoBooks { books(first: 2) { id } }\n");
		Files.writeString(documents.resolve("authors.graphql"), "query Authors { authors }\n");
		String authors = "ios/" + JavaClientProject.sha256Of(this.build, "authors.graphql");
		MavenBuild.Result result = this.build.environment("PERSISTED_OPS_SECRET", SECRET).run("persisted-ops:publish");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).contains("  1 added\n", "  1 failed\n")
			.contains("1 of 2 operations failed:")
			.contains("  - Authors (" + authors + "): Validation error (FieldUndefined@[authors])");
		this.graphQl.post(Map.of("operationId", authors))
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

}
