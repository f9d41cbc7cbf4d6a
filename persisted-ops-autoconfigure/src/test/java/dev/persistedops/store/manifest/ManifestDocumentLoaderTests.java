package dev.persistedops.store.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.document.OperationId;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.DocumentLoadException;
import dev.persistedops.store.HashMismatchAction;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ManifestDocumentLoader}.
 */
class ManifestDocumentLoaderTests {

	private static final String SHA256_OF_HELLO = "3f710a83decac3d21ddeae7bd265d8c5a48749226d23327b5dfd7031f406a987";

	private static final String SHA256_OF_RENAME = "e9b8e7f514e30a86cf0fd333b758af663548f1163bb46a03f981ff0d40947e0c";

	private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	private static final String MD5_OF_ABC = "900150983cd24fb0d6963f7d28e17f72";

	private final ManifestDocumentLoader loader = new ManifestDocumentLoader(new PathMatchingResourcePatternResolver(),
			JsonMapper.shared());

	@TempDir
	private Path tempDir;

	@Test
	void loadsARelayMap() {
		DocumentCatalog catalog = load("classpath:/loader-fixtures/manifest/relay.json");
		assertThat(catalog.ids()).containsExactlyInAnyOrder("c879d80a93fbf39b19037b59715a3411",
				"139d3a067f447abae523a8bb6474d5ff");
		assertThat(find(catalog, "c879d80a93fbf39b19037b59715a3411")).isEqualTo("query Hello { hello }\n");
		assertThat(find(catalog, "139d3a067f447abae523a8bb6474d5ff")).isEqualTo("query Me { me { name } }");
	}

	@Test
	void loadsAnApolloManifest() {
		DocumentCatalog catalog = load("classpath:/loader-fixtures/manifest/apollo.json");
		assertThat(catalog.ids()).containsExactlyInAnyOrder(SHA256_OF_HELLO, SHA256_OF_RENAME);
		assertThat(find(catalog, SHA256_OF_HELLO)).isEqualTo("query Hello { hello }");
		assertThat(find(catalog, "sha256:" + SHA256_OF_RENAME))
			.isEqualTo("mutation Rename($name: String!) { rename(name: $name) }");
	}

	@Test
	void keepsTheExactTextOfAMapEntry() throws IOException {
		Path manifest = write("""
				{"getUser": "\\n  query GetUser {\\r\\n\\tuser { caf\\u00e9 }\\n}\\n"}
				""");
		assertThat(find(load(location(manifest)), "getUser"))
			.isEqualTo("\n  query GetUser {\r\n\tuser { caf\u00e9 }\n}\n");
	}

	@Test
	void apolloManifestWithATamperedEntryFailsNamingTheEntryAndItsId() throws IOException {
		Path manifest = write(apollo("""
				{"id": "%s", "name": "Hello", "type": "query", "body": "query Hello { hello }"},
				{"id": "%s", "name": "Tampered", "type": "query", "body": "query Tampered { x }"}
				""".formatted(SHA256_OF_HELLO, SHA256_OF_ABC)));
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining("operations[1]")
			.withMessageContaining(SHA256_OF_ABC)
			.withMessageContaining(manifest.getFileName().toString())
			.withMessageNotContaining("operations[0]")
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isFalse());
	}

	@Test
	void reportsEveryTamperedEntryOfAManifest() throws IOException {
		Path manifest = write(apollo("""
				{"id": "%s", "body": "query One { x }"},
				{"id": "%s", "body": "query Hello { hello }"},
				{"id": "%s", "body": "query Two { y }"}
				""".formatted(SHA256_OF_ABC, SHA256_OF_HELLO, SHA256_OF_RENAME)));
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining("operations[0]")
			.withMessageContaining(SHA256_OF_ABC)
			.withMessageContaining("operations[2]")
			.withMessageContaining(SHA256_OF_RENAME)
			.satisfies((ex) -> assertThat(ex.getProblems()).hasSize(2));
	}

	@Test
	void relayMapWithATamperedEntryFailsNamingItsId() throws IOException {
		Path manifest = write("{\"%s\": \"query Tampered { x }\"}".formatted(MD5_OF_ABC));
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining(manifest.getFileName().toString())
			.withMessageContaining(MD5_OF_ABC);
	}

	@Test
	void apolloManifestWithTwoTextsForOneIdFailsNamingBothEntries() throws IOException {
		Path manifest = write(apollo("""
				{"id": "getUser", "body": "query A { a }"},
				{"id": "getUser", "body": "query B { b }"}
				"""));
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining("'getUser'")
			.withMessageContaining("operations[0]")
			.withMessageContaining("operations[1]");
	}

	@Test
	void relayMapWithTwoTextsForOneIdIsRefused() throws IOException {
		Path manifest = write("""
				{"getUser": "query A { a }", "getUser": "mutation B { b }"}
				""");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining("getUser");
	}

	@Test
	void refusesAnUnknownFormat() throws IOException {
		Path manifest = write("""
				{"format": "graphql-persisted-documents", "version": 1, "operations": []}
				""");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining(manifest.getFileName().toString())
			.withMessageContaining("unknown format \"graphql-persisted-documents\"")
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isFalse());
	}

	@Test
	void refusesAnApolloManifestOfVersion2() throws IOException {
		Path manifest = write("""
				{"format": "apollo-persisted-query-manifest", "version": 2, "operations": []}
				""");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining("unsupported manifest version 2");
	}

	@Test
	void refusesAnApolloManifestWithoutAVersion() throws IOException {
		Path manifest = write("""
				{"format": "apollo-persisted-query-manifest", "operations": []}
				""");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining("unsupported manifest version");
	}

	@Test
	void refusesOperationsThatAreNotAnArray() throws IOException {
		Path manifest = write("""
				{"format": "apollo-persisted-query-manifest", "version": 1, "operations": {"id": "a", "body": "{ a }"}}
				""");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining("'operations' must be an array");
	}

	@Test
	void refusesAnEntryWithoutBody() throws IOException {
		Path manifest = write(apollo("""
				{"id": "%s", "body": "query Hello { hello }"},
				{"id": "getUser", "name": "GetUser", "type": "query"}
				""".formatted(SHA256_OF_HELLO)));
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining("operations[1] needs a string 'id' and a string 'body'");
	}

	@Test
	void refusesAnEntryWhoseIdIsNotAString() throws IOException {
		Path manifest = write(apollo("""
				{"id": 5, "body": "query Hello { hello }"}
				"""));
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining("operations[0] needs a string 'id' and a string 'body'");
	}

	@Test
	void refusesAnEntryWhoseIdBreaksTheIdRule() throws IOException {
		Path manifest = write(apollo("""
				{"id": "../../etc/passwd", "body": "query Hello { hello }"}
				"""));
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining("operations[0]")
			.withMessageContaining("'../../etc/passwd' is not a valid id");
	}

	@Test
	void refusesAMapWithANonStringValue() throws IOException {
		Path manifest = write("""
				{"getUser": "query GetUser { user }", "getUsers": {"body": "query GetUsers { users }"}}
				""");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining(manifest.getFileName().toString())
			.withMessageContaining("the value of 'getUsers' is not a string");
	}

	@Test
	void refusesAMapKeyThatBreaksTheIdRule() throws IOException {
		Path manifest = write("""
				{"my op": "query MyOp { op }"}
				""");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining("'my op' is not a valid id")
			.withMessageContaining("may only contain");
	}

	@Test
	void refusesAJsonArrayAtTopLevel() throws IOException {
		Path manifest = write("""
				[{"id": "getUser", "body": "query GetUser { user }"}]
				""");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining(manifest.getFileName().toString())
			.withMessageContaining("a manifest must be a JSON object");
	}

	@Test
	void refusesAnEmptyFile() throws IOException {
		Path manifest = write("");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining(manifest.getFileName().toString())
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isFalse());
	}

	@Test
	void refusesInvalidJson() throws IOException {
		Path manifest = write("""
				{"getUser": "query GetUser { user }",
				""");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining(manifest.getFileName().toString())
			.withMessageContaining("not valid JSON")
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isFalse());
	}

	@Test
	void refusesTrailingContentAfterTheManifest() throws IOException {
		Path manifest = write("""
				{"getUser": "query GetUser { user }"} {"getUsers": "query GetUsers { users }"}
				""");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(manifest)))
			.withMessageContaining("not valid JSON");
	}

	@Test
	void missingFileIsALocationProblemNamingTheLocation() {
		String location = location(this.tempDir.resolve("missing.json"));
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location))
			.withMessageContaining(location)
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isTrue());
	}

	@Test
	void missingClasspathFileIsALocationProblemNamingTheLocation() {
		assertThatExceptionOfType(DocumentLoadException.class)
			.isThrownBy(() -> load("classpath:/loader-fixtures/manifest/missing.json"))
			.withMessageContaining("classpath:/loader-fixtures/manifest/missing.json")
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isTrue());
	}

	@Test
	void directoryIsALocationProblem() {
		String location = location(this.tempDir);
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location))
			.withMessageContaining(location)
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isTrue());
	}

	private DocumentCatalog load(String location) {
		DocumentCatalog.Builder builder = DocumentCatalog
			.builder(new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.HEX), HashMismatchAction.FAIL);
		this.loader.load(location, builder);
		return builder.build();
	}

	private static String find(DocumentCatalog catalog, String id) {
		return catalog.findDocument(OperationId.of(id)).block();
	}

	private static String apollo(String operations) {
		return "{\"format\": \"apollo-persisted-query-manifest\", \"version\": 1, \"operations\": [\n" + operations
				+ "]}\n";
	}

	private Path write(String json) throws IOException {
		return Files.writeString(Files.createTempFile(this.tempDir, "manifest-", ".json"), json,
				StandardCharsets.UTF_8);
	}

	private static String location(Path file) {
		return "file:" + file;
	}

}
