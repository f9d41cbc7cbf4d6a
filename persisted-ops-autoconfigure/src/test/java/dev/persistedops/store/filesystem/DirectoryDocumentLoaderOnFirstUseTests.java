package dev.persistedops.store.filesystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.document.OperationId;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.DocumentLoadException;
import dev.persistedops.store.HashMismatchAction;
import dev.persistedops.store.ImmediateAnswer;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DirectoryDocumentLoader} reading files on their first use: every test
 * of {@link DirectoryDocumentLoaderTests} (listing, names, links, locations) holds too,
 * except that a file whose content is wrong is not served rather than failing the load.
 */
@ExtendWith(OutputCaptureExtension.class)
class DirectoryDocumentLoaderOnFirstUseTests extends DirectoryDocumentLoaderTests {

	@Override
	FileReading reading() {
		return FileReading.ON_FIRST_USE;
	}

	@Test
	@Override
	void fileThatIsNotUtf8IsAContentProblemNamingTheFile() throws IOException {
		writeLatin1(this.root.resolve("web/latin1.graphql"));
		write(this.root.resolve("web/abc.graphql"), "query Abc { abc }");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(catalog.ids()).containsExactlyInAnyOrder("web/latin1", "web/abc");
		assertThat(find(catalog, "web/latin1")).isNull();
		assertThat(find(catalog, "web/abc")).isEqualTo("query Abc { abc }");
	}

	@Test
	@Override
	void fileThatIsNotUtf8BeyondTheReadBufferIsAContentProblemNamingTheFile() throws IOException {
		writeLatin1BeyondTheReadBuffer(this.root.resolve("latin1.graphql"));
		write(this.root.resolve("abc.graphql"), "query Abc { abc }");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(find(catalog, "latin1")).isNull();
		assertThat(find(catalog, "abc")).isEqualTo("query Abc { abc }");
	}

	@Test
	@Override
	void fileNamedByTheHashOfAnotherTextFailsNamingTheFileAndTheId() throws IOException {
		write(this.root.resolve("web/" + MD5_OF_ABC + ".graphql"), "query Tampered { x }");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(catalog.ids()).containsExactly("web/" + MD5_OF_ABC);
		assertThat(find(catalog, "web/" + MD5_OF_ABC)).isNull();
	}

	@Test
	void filesAreReadOnTheirFirstUseAndOnlyOnce() throws IOException {
		Path file = write(this.root.resolve("abc.graphql"), "query Listed { listed }");
		DocumentCatalog catalog = load(location(this.root));
		write(file, "query FirstUse { firstUse }");
		assertThat(find(catalog, "abc")).isEqualTo("query FirstUse { firstUse }");
		write(file, "query Later { later }");
		assertThat(find(catalog, "abc")).isEqualTo("query FirstUse { firstUse }");
		assertThat(catalog.documents()).containsExactly(entry("abc", "query FirstUse { firstUse }"));
	}

	@Test
	void fileThatIsNotUtf8IsLoggedAsAnErrorOnItsFirstUseOnly(CapturedOutput output) throws IOException {
		Path latin1 = writeLatin1(this.root.resolve("latin1.graphql"));
		DocumentCatalog catalog = load(location(this.root));
		assertThat(output).doesNotContain("latin1");
		assertThat(find(catalog, "latin1")).isNull();
		assertThat(find(catalog, "latin1")).isNull();
		assertThat(output).containsOnlyOnce("Not serving the persisted document 'latin1'");
		assertThat(output).contains("ERROR", latin1.toString(), "is not UTF-8 text");
	}

	@Test
	void mismatchIsNotServedAndLoggedAsAnErrorWhenMismatchesFail(CapturedOutput output) throws IOException {
		Path tampered = write(this.root.resolve(MD5_OF_ABC + ".graphql"), "query Tampered { x }");
		DocumentCatalog catalog = load(location(this.root), HashMismatchAction.FAIL);
		assertThat(find(catalog, MD5_OF_ABC)).isNull();
		assertThat(output).contains("ERROR", "Not serving a persisted document read on its first use",
				tampered.toString(), "is not the md5 hex of its text");
	}

	@Test
	void mismatchIsServedWithAWarningWhenMismatchesWarn(CapturedOutput output) throws IOException {
		write(this.root.resolve(MD5_OF_ABC + ".graphql"), "query Tampered { x }");
		DocumentCatalog catalog = load(location(this.root), HashMismatchAction.WARN);
		assertThat(find(catalog, MD5_OF_ABC)).isEqualTo("query Tampered { x }");
		assertThat(output).contains("WARN", "Serving despite a hash mismatch", "is not the md5 hex of its text");
	}

	@Test
	void fileRemovedAfterTheListingIsNotServedAndTheOthersAre(CapturedOutput output) throws IOException {
		Path gone = write(this.root.resolve("gone.graphql"), "query Gone { gone }");
		write(this.root.resolve(MD5_OF_ABC + ".graphql"), "query Tampered { x }");
		write(this.root.resolve("kept.graphql"), "query Kept { kept }");
		DocumentCatalog catalog = load(location(this.root));
		Files.delete(gone);
		assertThat(find(catalog, "gone")).isNull();
		assertThat(output).contains("Not serving the persisted document 'gone'", gone.toString());
		Map<String, String> documents = catalog.documents();
		assertThat(catalog.size()).isEqualTo(3);
		assertThat(documents.keySet()).containsExactlyInAnyOrder("gone", MD5_OF_ABC, "kept");
		assertThat(documents.entrySet().stream().map(Map.Entry::getKey).toList()).containsExactly("kept");
		assertThat(documents.entrySet()).hasSize(1);
		assertThat(documents.values().stream().toList()).containsExactly("query Kept { kept }");
		assertThat(documents.values()).hasSize(1);
		assertThat(documents.containsKey(MD5_OF_ABC)).isFalse();
		assertThat(documents.keySet().contains(MD5_OF_ABC)).isFalse();
		assertThat(documents.get("kept")).isEqualTo("query Kept { kept }");
	}

	@Test
	@Override
	void kubernetesConfigMapVolumeIsReadThroughItsDataLinkAsOneVersion() throws IOException {
		Path first = write(this.root.resolve("..2026_11_21_14_00_00.456/abc.graphql"), "query Abc { v1 }").getParent();
		write(first.resolve("def.graphql"), "query Def { v1 }");
		symlink(this.root.resolve("..data"), first.getFileName());
		symlink(this.root.resolve("abc.graphql"), Path.of("..data", "abc.graphql"));
		symlink(this.root.resolve("def.graphql"), Path.of("..data", "def.graphql"));
		DocumentCatalog catalog = load(location(this.root));
		assertThat(find(catalog, "abc")).isEqualTo("query Abc { v1 }");
		// Kubernetes swaps ..data for a new version, then deletes the old one.
		Path second = write(this.root.resolve("..2026_11_21_15_00_00.789/abc.graphql"), "query Abc { v2 }").getParent();
		write(second.resolve("def.graphql"), "query Def { v2 }");
		symlink(this.root.resolve("..data_tmp"), second.getFileName());
		Files.move(this.root.resolve("..data_tmp"), this.root.resolve("..data"), StandardCopyOption.ATOMIC_MOVE);
		Files.delete(first.resolve("abc.graphql"));
		Files.delete(first.resolve("def.graphql"));
		Files.delete(first);
		assertThat(find(catalog, "abc")).isEqualTo("query Abc { v1 }");
		assertThat(find(catalog, "def")).isEqualTo("query Def { v2 }");
		assertThat(catalog.sourceOf("def")).contains(this.root.resolve("..data").resolve("def.graphql").toString());
	}

	@Test
	void firstLookupReadsTheFileOffTheCallersThreadAndLaterOnesAnswerAtOnce() throws IOException {
		write(this.root.resolve("abc.graphql"), "query Abc { abc }");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(catalog.findDocument(OperationId.of("abc")).map((text) -> Thread.currentThread().getName()).block())
			.startsWith("boundedElastic-");
		assertThat(ImmediateAnswer.of(catalog.findDocument(OperationId.of("abc"))))
			.isEqualTo(new ImmediateAnswer<>("query Abc { abc }"));
	}

	@Test
	void sameIdInTwoLocationsWithDifferentTextsFailsTheLoadNamingBothFiles() throws IOException {
		Path first = write(this.tempDir.resolve("first/abc.graphql"), "query A { a }");
		Path second = write(this.tempDir.resolve("second/abc.graphql"), "query B { b }");
		DocumentCatalog.Builder builder = builder().load(loader(),
				List.of(location(first.getParent()), location(second.getParent())));
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(builder::build)
			.withMessageContaining(first.toString())
			.withMessageContaining(second.toString());
	}

	@Test
	void sameIdInTwoLocationsWithTheSameTextIsKeptOnce() throws IOException {
		Path first = write(this.tempDir.resolve("first/abc.graphql"), "query A { a }");
		Path second = write(this.tempDir.resolve("second/abc.graphql"), "query A { a }");
		DocumentCatalog catalog = builder()
			.load(loader(), List.of(location(first.getParent()), location(second.getParent())))
			.build();
		assertThat(catalog.documents()).containsExactly(entry("abc", "query A { a }"));
		assertThat(catalog.sourceOf("abc")).contains(first.toString());
	}

	@Test
	void entryThatIsNeitherAFileNorAFolderIsIgnoredWithAWarning(CapturedOutput output) throws Exception {
		write(this.root.resolve("abc.graphql"), "query Abc { abc }");
		Path fifo = this.root.resolve("fifo.graphql");
		assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
		DocumentCatalog catalog = load(location(this.root));
		assertThat(catalog.ids()).containsExactly("abc");
		assertThat(output).contains("Ignoring " + fifo + ": it is not a file, nor a folder");
	}

	static Path writeLatin1(Path file) throws IOException {
		Files.createDirectories(file.getParent());
		// "caf" then Latin-1's é, a byte that UTF-8 never has alone.
		return Files.write(file, new byte[] { 'c', 'a', 'f', (byte) 0xE9 });
	}

	static DocumentCatalog.Builder builder() {
		return DocumentCatalog.builder(new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX),
				HashMismatchAction.FAIL);
	}

	DirectoryDocumentLoader loader() {
		return new DirectoryDocumentLoader(new PathMatchingResourcePatternResolver(), reading());
	}

	static Map.Entry<String, String> entry(String key, String value) {
		return Map.entry(key, value);
	}

}
