package dev.persistedops.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.persistedops.test.NodeScript;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real relay-compiler compiles a small Relay project ({@code e2e/relay}) against the
 * sample app's schema, with {@code persistConfig.url} pointing at the running app (its
 * redis and build-endpoints profiles, on a real Redis); the ids in the artifacts it
 * generates then run.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "RELAY_PERSIST_TOKEN=relay-build-token", "OPERATION_STORE_SECRET=unused" })
class RelayCompilerTests extends BuildEndpointsOnRedis {

	private static final Pattern ID = Pattern.compile("\"id\": \"([0-9a-f]+)\"");

	@TempDir
	Path project;

	@BeforeEach
	void createProject() throws IOException {
		Path sources = NodeScript.e2eDirectory().resolve("relay/src");
		Files.createDirectories(this.project.resolve("src"));
		try (Stream<Path> files = Files.list(sources)) {
			for (Path file : files.toList()) {
				Files.copy(file, this.project.resolve("src").resolve(file.getFileName()));
			}
		}
		// relay-compiler reads a schema file ending in .graphql
		Files.copy(Path.of("src/main/resources/graphql/schema.graphqls"), this.project.resolve("schema.graphql"));
	}

	private NodeScript.Result compile(String token) throws IOException {
		Files.writeString(this.project.resolve("relay.config.json"), """
				{
				  "src": "./src",
				  "schema": "./schema.graphql",
				  "language": "javascript",
				  "persistConfig": {
				    "url": "http://localhost:%d/persisted-operations/relay",
				    "headers": { "X-Persist-Token": "%s" }
				  }
				}
				""".formatted(this.port, token));
		return NodeScript.exec(this.project, List.of(NodeScript.bin("relay-compiler")));
	}

	private String idIn(String artifact) throws IOException {
		Matcher matcher = ID.matcher(Files.readString(this.project.resolve("src/__generated__").resolve(artifact)));
		assertThat(matcher.find()).as("an id in " + artifact).isTrue();
		return matcher.group(1);
	}

	@Test
	void persistedArtifactsRunByTheirIds() throws IOException {
		NodeScript.Result result = compile("relay-build-token");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("Compilation completed");

		this.graphQl.post(Map.of("doc_id", idIn("BookTitleQuery.graphql.js"), "variables", Map.of("id", "3")))
			.expectBody()
			.jsonPath("$.data.book.title")
			.isEqualTo("Kindred");
		this.graphQl
			.post(Map.of("doc_id", idIn("AddBookMutation.graphql.js"), "variables",
					Map.of("title", "Bloodchild", "author", "Octavia E. Butler")))
			.expectBody()
			.jsonPath("$.data.addBook.title")
			.isEqualTo("Bloodchild");
	}

	@Test
	void wrongTokenFailsTheBuildWithTheServersMessage() throws IOException {
		NodeScript.Result result = compile("not-the-token");
		assertThat(result.output()).contains("Missing or wrong X-Persist-Token header")
			.doesNotContain("Compilation completed");
		assertThat(this.project.resolve("src/__generated__/BookTitleQuery.graphql.js")).doesNotExist();
	}

}
