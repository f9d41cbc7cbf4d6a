package dev.persistedops.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.persistedops.test.NodeScript;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real {@code graphql-ruby-client sync} pushes {@code .graphql} files to the running
 * sample app (its redis and build-endpoints profiles, on a real Redis) as to an
 * OperationStore; the operations then run by {@code operationId}. A wrong secret makes
 * the CLI exit 1 and stores nothing.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "RELAY_PERSIST_TOKEN=unused", "OPERATION_STORE_SECRET=ios-build-secret" })
class GraphQlRubyClientSyncTests extends BuildEndpointsOnRedis {

	private static final Pattern ALIAS = Pattern.compile("\"alias\":\"([0-9a-f]+)\"");

	@TempDir
	Path work;

	private NodeScript.Result sync(String path, String secret) {
		return NodeScript.exec(List.of(NodeScript.bin("graphql-ruby-client"), "sync", "--path=" + path,
				"--url=http://localhost:" + this.port + "/persisted-operations/sync", "--client=ios",
				"--secret=" + secret, "--outfile=" + this.work.resolve("operations.js")));
	}

	@Test
	void syncedOperationsRunByOperationId() throws IOException {
		NodeScript.Result result = sync("operation-store/*.graphql", "ios-build-secret");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("2 added");

		String generated = Files.readString(this.work.resolve("operations.js"));
		String getBookAuthor = aliasOf(generated, "GetBookAuthor");
		String listAllBooks = aliasOf(generated, "ListAllBooks");
		this.graphQl.post(Map.of("operationId", "ios/" + getBookAuthor, "variables", Map.of("id", "3")))
			.expectBody()
			.jsonPath("$.data.book.author")
			.isEqualTo("Octavia E. Butler");
		this.graphQl.post(Map.of("extensions", Map.of("operationId", "ios/" + listAllBooks)))
			.expectBody()
			.jsonPath("$.data.books[0].title")
			.isEqualTo("The Left Hand of Darkness");

		NodeScript.Result again = sync("operation-store/*.graphql", "ios-build-secret");
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("2 not modified");
	}

	@Test
	void wrongSecretExitsWithOneAndStoresNothing() throws IOException {
		Path operations = Files.createDirectories(this.work.resolve("operations"));
		Files.writeString(operations.resolve("Unsynced.graphql"),
				"query Unsynced {\n  books(first: 1) {\n    id\n  }\n}\n");
		NodeScript.Result result = sync(operations + "/*.graphql", "wrong-secret");
		assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
		Matcher alias = ALIAS.matcher(result.output());
		assertThat(alias.find()).as("the alias in " + result.output()).isTrue();
		this.graphQl.post(Map.of("operationId", "ios/" + alias.group(1)))
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	private static String aliasOf(String generated, String operationName) {
		Matcher matcher = Pattern.compile("\"" + operationName + "\": \"([0-9a-f]+)\"").matcher(generated);
		assertThat(matcher.find()).as(operationName + " in " + generated).isTrue();
		return matcher.group(1);
	}

}
