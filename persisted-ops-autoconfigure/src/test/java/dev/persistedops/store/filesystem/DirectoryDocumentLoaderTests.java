package dev.persistedops.store.filesystem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
 * Tests for {@link DirectoryDocumentLoader} against a real file system and the class
 * path, reading every file at once. {@link DirectoryDocumentLoaderOnFirstUseTests} runs
 * them again with files read on their first use.
 */
class DirectoryDocumentLoaderTests {

	static final String MD5_OF_ABC = "900150983cd24fb0d6963f7d28e17f72";

	private final DirectoryDocumentLoader loader = new DirectoryDocumentLoader(
			new PathMatchingResourcePatternResolver(), reading());

	@TempDir
	Path tempDir;

	Path root;

	/**
	 * Return when the loader under test reads the files of a directory.
	 */
	FileReading reading() {
		return FileReading.AT_STARTUP;
	}

	@BeforeEach
	void createRoot() throws IOException {
		this.root = Files.createDirectory(this.tempDir.resolve("documents"));
	}

	@Test
	void loadsFilesAtTheRootAndInSubFolders() throws IOException {
		write(this.root.resolve("getUser.graphql"), "query GetUser { user { id } }\n");
		write(this.root.resolve("web/abc.graphql"), "query Abc { abc }\n");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(catalog.ids()).containsExactlyInAnyOrder("getUser", "web/abc");
		assertThat(find(catalog, "getUser")).isEqualTo("query GetUser { user { id } }\n");
		assertThat(find(catalog, "web/abc")).isEqualTo("query Abc { abc }\n");
	}

	@Test
	void subFoldersNestAsNamespaces() throws IOException {
		write(this.root.resolve("a/b/c.graphql"), "query C { c }");
		write(this.root.resolve("a/b.graphql"), "query B { b }");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(catalog.ids()).containsExactlyInAnyOrder("a/b/c", "a/b");
		assertThat(find(catalog, "a/b/c")).isEqualTo("query C { c }");
	}

	@Test
	void keepsTheExactContentOfEachFile() throws IOException {
		String text = "\n  # caf\u00e9 \u2713 \u65e5\u672c\r\nquery Exact {\n\texact\n}\n\n";
		write(this.root.resolve("exact.graphql"), text);
		assertThat(find(load(location(this.root)), "exact")).isEqualTo(text);
	}

	@Test
	void keepsATrailingNewlineSoTheFileHashesAsWritten() throws IOException {
		write(this.root.resolve("0bee89b07a248e27c83fc3d5951213c1.graphql"), "abc\n");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(find(catalog, "0bee89b07a248e27c83fc3d5951213c1")).isEqualTo("abc\n");
	}

	@Test
	void ignoresFilesWithOtherExtensions() throws IOException {
		write(this.root.resolve("kept.graphql"), "query Kept { kept }");
		write(this.root.resolve("notes.txt"), "not a document");
		write(this.root.resolve("schema.gql"), "type Query { a: String }");
		write(this.root.resolve("old.graphql.bak"), "query Old { old }");
		write(this.root.resolve("web/manifest.json"), "{}");
		assertThat(load(location(this.root)).ids()).containsExactly("kept");
	}

	@Test
	void loadsEveryCharacterAnIdAllowsInAFileName() throws IOException {
		write(this.root.resolve("a.b-c_d~e:f.graphql"), "query A { a }");
		write(this.root.resolve("ns/X~y:z.graphql"), "query X { x }");
		assertThat(load(location(this.root)).ids()).containsExactlyInAnyOrder("a.b-c_d~e:f", "ns/X~y:z");
	}

	@Test
	void loadsALocationWithoutATrailingSlash() throws IOException {
		write(this.root.resolve("web/abc.graphql"), "query Abc { abc }");
		assertThat(load("file:" + this.root).ids()).containsExactly("web/abc");
	}

	@Test
	void loadsAFileUri() throws IOException {
		write(this.root.resolve("web/abc.graphql"), "query Abc { abc }");
		assertThat(this.root.toUri().toString()).startsWith("file:///");
		assertThat(load(this.root.toUri().toString()).ids()).containsExactly("web/abc");
	}

	@Test
	void loadsAnEmptyDirectoryAsNoDocuments() {
		assertThat(load(location(this.root)).size()).isZero();
	}

	@Test
	void missingDirectoryIsALocationProblemNamingTheLocation() {
		String location = location(this.tempDir.resolve("missing"));
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location))
			.withMessageContaining(location)
			.withMessageContaining("does not exist")
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isTrue());
	}

	@Test
	void missingClasspathDirectoryIsALocationProblemNamingTheLocation() {
		assertThatExceptionOfType(DocumentLoadException.class)
			.isThrownBy(() -> load("classpath:/loader-fixtures/missing/"))
			.withMessageContaining("classpath:/loader-fixtures/missing/")
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isTrue());
	}

	@Test
	void locationThatIsARegularFileIsALocationProblem() throws IOException {
		Path file = write(this.root.resolve("abc.graphql"), "query Abc { abc }");
		String location = "file:" + file;
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location))
			.withMessageContaining(location)
			.withMessageContaining("is not a directory")
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isTrue());
	}

	@Test
	void fileNameThatIsNotAValidIdIsAContentProblemNamingTheFile() throws IOException {
		write(this.root.resolve("my op.graphql"), "query MyOp { op }");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(this.root)))
			.withMessageContaining("my op.graphql")
			.withMessageContaining("is not a valid id")
			.withMessageContaining("may only contain")
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isFalse());
	}

	@Test
	void fileThatIsNotUtf8IsAContentProblemNamingTheFile() throws IOException {
		Files.createDirectories(this.root.resolve("web"));
		// "caf" then Latin-1's é, a byte that UTF-8 never has alone.
		Files.write(this.root.resolve("web/latin1.graphql"), new byte[] { 'c', 'a', 'f', (byte) 0xE9 });
		write(this.root.resolve("web/abc.graphql"), "query Abc { abc }");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(this.root)))
			.withMessageContaining("latin1.graphql")
			.withMessageContaining("is not UTF-8 text")
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isFalse());
	}

	@ParameterizedTest
	@ValueSource(ints = { 8190, 8191, 8192, 8193, 8194, 100_000 })
	void keepsTheExactContentOfFilesAroundAndBeyondTheSizeOfTheReadBuffer(int size) throws IOException {
		// A comment of ASCII and two-byte characters, so that a character's bytes fall on
		// either side of 8,192 bytes for one of the sizes.
		StringBuilder text = new StringBuilder("query Big { big } #");
		int bytes = text.length();
		while (bytes < size) {
			boolean twoBytes = text.length() % 3 == 0;
			text.append(twoBytes ? "\u00e9" : "a");
			bytes += twoBytes ? 2 : 1;
		}
		write(this.root.resolve("big.graphql"), text.toString());
		write(this.root.resolve("small.graphql"), "query Small { small }");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(find(catalog, "big")).isEqualTo(text.toString());
		assertThat(find(catalog, "small")).isEqualTo("query Small { small }");
	}

	@Test
	void fileThatIsNotUtf8BeyondTheReadBufferIsAContentProblemNamingTheFile() throws IOException {
		writeLatin1BeyondTheReadBuffer(this.root.resolve("latin1.graphql"));
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(this.root)))
			.withMessageContaining("latin1.graphql")
			.withMessageContaining("is not UTF-8 text");
	}

	/**
	 * Write 20,000 bytes of UTF-8 but for one, at 15,000, beyond the first 8,192:
	 * Latin-1's é.
	 */
	static void writeLatin1BeyondTheReadBuffer(Path file) throws IOException {
		byte[] bytes = new byte[20_000];
		Arrays.fill(bytes, (byte) 'a');
		bytes[15_000] = (byte) 0xE9;
		Files.write(file, bytes);
	}

	@Test
	void replacementCharacterWrittenInAFileIsKept() throws IOException {
		write(this.root.resolve("odd.graphql"), "query Odd { odd(text: \"\uFFFD é\") }");
		assertThat(find(load(location(this.root)), "odd")).isEqualTo("query Odd { odd(text: \"\uFFFD é\") }");
	}

	@Test
	void fileNamedDotDotIsIgnoredAsHiddenAndCannotBecomeAnId() throws IOException {
		write(this.root.resolve("web/...graphql"), "query Up { up }");
		write(this.root.resolve("web/abc.graphql"), "query Abc { abc }");
		assertThat(load(location(this.root)).ids()).containsExactly("web/abc");
	}

	@Test
	void hiddenFilesAndFoldersAreIgnoredAsInAKubernetesConfigMapVolume() throws IOException {
		Path data = write(this.root.resolve("..2026_11_21_13_00_00.123/abc.graphql"), "query Abc { abc }").getParent();
		symlink(this.root.resolve("..data"), data.getFileName());
		symlink(this.root.resolve("abc.graphql"), Path.of("..data", "abc.graphql"));
		write(this.root.resolve(".hidden.graphql"), "query Hidden { hidden }");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(catalog.ids()).containsExactly("abc");
		assertThat(find(catalog, "abc")).isEqualTo("query Abc { abc }");
	}

	@Test
	void kubernetesConfigMapVolumeIsReadThroughItsDataLinkAsOneVersion() throws IOException {
		Path data = write(this.root.resolve("..2026_11_21_14_00_00.456/abc.graphql"), "query Abc { v2 }").getParent();
		write(data.resolve("added.graphql"), "query Added { v2 }");
		symlink(this.root.resolve("..data"), data.getFileName());
		// The kubelet swapped ..data; the visible links of added and removed keys are not
		// updated yet.
		symlink(this.root.resolve("abc.graphql"), Path.of("..data", "abc.graphql"));
		symlink(this.root.resolve("removed.graphql"), Path.of("..data", "removed.graphql"));
		DocumentCatalog catalog = load(location(this.root));
		assertThat(catalog.ids()).containsExactlyInAnyOrder("abc", "added");
		assertThat(find(catalog, "added")).isEqualTo("query Added { v2 }");
		assertThat(catalog.sourceOf("abc")).contains(data.toRealPath().resolve("abc.graphql").toString());
	}

	@Test
	void fileNamedByTheHashOfAnotherTextFailsNamingTheFileAndTheId() throws IOException {
		Path tampered = write(this.root.resolve("web/" + MD5_OF_ABC + ".graphql"), "query Tampered { x }");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location(this.root)))
			.withMessageContaining(tampered.toString())
			.withMessageContaining("web/" + MD5_OF_ABC)
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isFalse());
	}

	@Test
	void loadsFromTheClasspath() {
		DocumentCatalog catalog = load("classpath:/loader-fixtures/directory/");
		assertThat(catalog.ids()).containsExactlyInAnyOrder("c879d80a93fbf39b19037b59715a3411",
				"2350ac90ed15ee1175b2541a8dc02cc0", "web/ef5c9e7b1e24de261642083d4e294322");
		assertThat(find(catalog, "c879d80a93fbf39b19037b59715a3411")).isEqualTo("query Hello { hello }\n");
		assertThat(find(catalog, "2350ac90ed15ee1175b2541a8dc02cc0"))
			.isEqualTo("query Greeting($name: String!) { greeting(name: $name) }\n");
		assertThat(find(catalog, "web/ef5c9e7b1e24de261642083d4e294322")).isEqualTo("{ __typename }");
	}

	@Test
	void loadsFromTheClasspathWithoutLeadingOrTrailingSlash() {
		assertThat(load("classpath:loader-fixtures/directory").ids()).containsExactlyInAnyOrder(
				"c879d80a93fbf39b19037b59715a3411", "2350ac90ed15ee1175b2541a8dc02cc0",
				"web/ef5c9e7b1e24de261642083d4e294322");
	}

	@Test
	void loadsARelativeFileLocationUnderIdsRelativeToThatLocation() throws Exception {
		Path fixtures = Path.of(getClass().getResource("/loader-fixtures/directory/").toURI());
		Path relative = Path.of("").toAbsolutePath().relativize(fixtures);
		assertThat(relative.isAbsolute()).isFalse();
		DocumentCatalog catalog = load("file:" + relative + "/");
		assertThat(catalog.ids()).containsExactlyInAnyOrder("c879d80a93fbf39b19037b59715a3411",
				"2350ac90ed15ee1175b2541a8dc02cc0", "web/ef5c9e7b1e24de261642083d4e294322");
	}

	@Test
	void loadsALocationWithARepeatedSlashUnderIdsRelativeToThatLocation() throws IOException {
		write(this.root.resolve("web/abc.graphql"), "query Abc { abc }");
		String location = "file:" + this.tempDir + "//" + this.root.getFileName() + "/";
		assertThat(load(location).ids()).containsExactly("web/abc");
	}

	@Test
	void symbolicLinksAreLoadedUnderTheirNameInsideTheRootNeverUnderTheirTarget() throws IOException {
		Path outside = Files.createDirectory(this.tempDir.resolve("outside"));
		write(outside.resolve("evil.graphql"), "query Evil { evil }");
		write(outside.resolve("deeper/deep.graphql"), "query Deep { deep }");
		write(this.root.resolve("web/abc.graphql"), "query Abc { abc }");
		symlink(this.root.resolve("linked"), outside);
		symlink(this.root.resolve("file.graphql"), outside.resolve("evil.graphql"));
		DocumentCatalog catalog = load(location(this.root));
		assertThat(catalog.ids()).containsExactlyInAnyOrder("web/abc", "linked/evil", "linked/deeper/deep", "file");
		assertThat(catalog.ids()).allSatisfy((id) -> assertThat(id).doesNotContain("..", "outside", "//"));
	}

	@Test
	void folderNamedLikeADocumentIsWalkedAsANamespace() throws IOException {
		write(this.root.resolve("web.graphql/abc.graphql"), "query Abc { abc }");
		write(this.root.resolve("web.graphql/inner.graphql/def.graphql"), "query Def { def }");
		write(this.root.resolve("ghi.graphql"), "query Ghi { ghi }");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(catalog.ids()).containsExactlyInAnyOrder("ghi", "web.graphql/abc", "web.graphql/inner.graphql/def");
		assertThat(find(catalog, "web.graphql/inner.graphql/def")).isEqualTo("query Def { def }");
	}

	@Test
	void entriesWhoseNamesAreNotTextAreFoundByTheirBytesAndIgnored() throws Exception {
		// Byte 0xFF is not UTF-8, nor ASCII: Java reads such a name with a replacement
		// character, and can find the entry only by the bytes its listing kept.
		write(this.root.resolve("abc.graphql"), "query Abc { abc }");
		String script = "mkdir \"$(printf 'notes\\377')\" && touch \"$(printf 'notes\\377/x.txt')\" "
				+ "\"$(printf 'r\\377sum\\377.txt')\"";
		Process shell = new ProcessBuilder("sh", "-c", script).directory(this.root.toFile()).start();
		assertThat(shell.waitFor()).isZero();
		assertThat(this.root.toFile().list()).hasSize(3);
		assertThat(load(location(this.root)).ids()).containsExactly("abc");
	}

	@Test
	void linksToNothingAreIgnored() throws IOException {
		write(this.root.resolve("abc.graphql"), "query Abc { abc }");
		symlink(this.root.resolve("gone.graphql"), this.root.resolve("nowhere.graphql"));
		symlink(this.root.resolve("gone-folder"), this.root.resolve("nowhere"));
		assertThat(load(location(this.root)).ids()).containsExactly("abc");
	}

	@ParameterizedTest
	@ValueSource(strings = { "web/loop", "web/loop.graphql" })
	void directoryThatCannotBeWalkedFailsInsteadOfLoadingNothing(String link) throws IOException {
		// Also through a link named like a document, which is read before it is walked.
		write(this.root.resolve("web/abc.graphql"), "query Abc { abc }");
		symlink(this.root.resolve(link), this.root);
		String location = location(this.root);
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> load(location))
			.withMessageContaining(location)
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isTrue());
	}

	DocumentCatalog load(String location) {
		return load(location, HashMismatchAction.FAIL);
	}

	DocumentCatalog load(String location, HashMismatchAction onMismatch) {
		DocumentCatalog.Builder builder = DocumentCatalog
			.builder(new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX), onMismatch);
		this.loader.load(location, builder);
		return builder.build();
	}

	static String find(DocumentCatalog catalog, String id) {
		return catalog.findDocument(OperationId.of(id)).block();
	}

	static String location(Path directory) {
		return "file:" + directory + "/";
	}

	static Path write(Path file, String text) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.writeString(file, text, StandardCharsets.UTF_8);
	}

	static void symlink(Path link, Path target) throws IOException {
		Files.createSymbolicLink(link, target);
	}

}
