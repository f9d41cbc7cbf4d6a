package dev.persistedops.maven.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import graphql.language.OperationDefinition.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.maven.operation.ClientOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ApolloManifest}, {@link RelayMap} and {@link OperationDirectory}.
 */
class ManifestFormatsTests {

	private static final ClientOperation BOOKS = new ClientOperation("books", "books.graphql", "Books", Operation.QUERY,
			"query Books { books { \"title\" } }\n");

	private static final ClientOperation ADD = new ClientOperation("add", "add.graphql", "Add", Operation.MUTATION,
			"mutation Add { addBook(title: \"t\", author: \"a\") { id } }");

	@TempDir
	Path work;

	@Test
	void apolloManifestIsWrittenAsGivenAndReadBack() throws Exception {
		Path file = this.work.resolve("out/persisted-query-manifest.json");
		ApolloManifest.write(List.of(BOOKS, ADD), file);
		assertThat(Files.readString(file)).isEqualTo("""
				{
				  "format": "apollo-persisted-query-manifest",
				  "version": 1,
				  "operations": [
				    {
				      "id": "%s",
				      "name": "Books",
				      "type": "query",
				      "body": "query Books { books { \\"title\\" } }\\n"
				    },
				    {
				      "id": "%s",
				      "name": "Add",
				      "type": "mutation",
				      "body": "mutation Add { addBook(title: \\"t\\", author: \\"a\\") { id } }"
				    }
				  ]
				}
				""".formatted(BOOKS.id(), ADD.id()));
		assertThat(ApolloManifest.read(file)).containsExactly(new ApolloManifest.Entry(BOOKS.id(), "Books"),
				new ApolloManifest.Entry(ADD.id(), "Add"));
	}

	@Test
	void emptyManifestIsStillAManifest() throws Exception {
		Path file = this.work.resolve("empty.json");
		ApolloManifest.write(List.of(), file);
		assertThat(Files.readString(file)).isEqualTo(
				"{\n  \"format\": \"apollo-persisted-query-manifest\",\n  \"version\": 1,\n  \"operations\": []\n}\n");
		assertThat(ApolloManifest.read(file)).isEmpty();
	}

	@Test
	void readingRefusesWhatIsNotAnApolloManifestNamingTheFile() throws IOException {
		Path relay = Files.writeString(this.work.resolve("relay.json"), "{\"abc\": \"query { a }\"}");
		Path broken = Files.writeString(this.work.resolve("broken.json"), "{\"format\": ");
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> ApolloManifest.read(relay))
			.withMessage(relay
					+ " is not an Apollo persisted query manifest (format \"apollo-persisted-query-manifest\", version 1)");
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> ApolloManifest.read(broken))
			.withMessageStartingWith(broken + " is not valid JSON");
	}

	@Test
	void relayMapHasSortedKeysMadeWithTheChosenAlgorithm() throws IOException {
		Path file = this.work.resolve("persisted-queries.json");
		RelayMap.write(List.of(BOOKS, ADD), HashAlgorithm.MD5, file);
		JsonNode map = JsonMapper.builder().build().readTree(file.toFile());
		assertThat(new ArrayList<>(map.propertyNames())).isSorted()
			.containsExactlyInAnyOrder(BOOKS.id(HashAlgorithm.MD5), ADD.id(HashAlgorithm.MD5));
		assertThat(map.path(ADD.id(HashAlgorithm.MD5)).stringValue()).isEqualTo(ADD.body());
		assertThat(map.path(BOOKS.id(HashAlgorithm.MD5)).stringValue()).isEqualTo(BOOKS.body());
	}

	@Test
	void directoryHoldsExactlyTheOperationsAfterAnExport() throws IOException {
		Path directory = Files.createDirectories(this.work.resolve("documents"));
		Path stale = Files.writeString(directory.resolve(HashAlgorithm.SHA256.hex("old") + ".graphql"), "old");
		Path staleMd5 = Files.writeString(directory.resolve(HashAlgorithm.MD5.hex("old") + ".graphql"), "old");
		Path other = Files.writeString(directory.resolve("README.graphql"), "kept");
		List<Path> deleted = OperationDirectory.write(List.of(BOOKS, ADD), HashAlgorithm.SHA256, directory);
		assertThat(deleted).containsExactlyInAnyOrder(stale, staleMd5);
		assertThat(directory.resolve(BOOKS.id() + ".graphql")).hasContent(BOOKS.body());
		assertThat(directory.resolve(ADD.id() + ".graphql")).hasContent(ADD.body());
		assertThat(other).exists();
		assertThat(stale).doesNotExist();
	}

}
