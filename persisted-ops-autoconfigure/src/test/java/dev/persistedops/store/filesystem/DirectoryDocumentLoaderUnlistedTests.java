package dev.persistedops.store.filesystem;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.ImmediateAnswer;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DirectoryDocumentLoader} finding files by id, its locations not listed
 * at startup: every test of {@link DirectoryDocumentLoaderOnFirstUseTests} holds too,
 * except that what only a listing finds (a name that is not an id, a folder that cannot
 * be walked, two texts for one id) is found when the locations are listed, or the id
 * looked up, rather than failing the load.
 */
@ExtendWith(OutputCaptureExtension.class)
class DirectoryDocumentLoaderUnlistedTests extends DirectoryDocumentLoaderOnFirstUseTests {

	@Override
	FileReading reading() {
		return FileReading.ON_FIRST_USE_UNLISTED;
	}

	@Test
	@Override
	void fileNameThatIsNotAValidIdIsAContentProblemNamingTheFile() throws IOException {
		// Listed after startup, such a name is left out with a warning.
		write(this.root.resolve("my op.graphql"), "query MyOp { op }");
		write(this.root.resolve("abc.graphql"), "query Abc { abc }");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(catalog.ids()).containsExactly("abc");
	}

	@Test
	void fileNameThatIsNotAValidIdIsLeftOutOfTheListingWithAWarning(CapturedOutput output) throws IOException {
		Path invalid = write(this.root.resolve("my op.graphql"), "query MyOp { op }");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(output).doesNotContain("my op");
		assertThat(catalog.size()).isZero();
		assertThat(output).contains("WARN", "Ignoring a file whose name is not an id: file [" + invalid + "]",
				"is not a valid id");
	}

	@ParameterizedTest
	@ValueSource(strings = { "web/loop", "web/loop.graphql" })
	@Override
	void directoryThatCannotBeWalkedFailsInsteadOfLoadingNothing(String link) throws IOException {
		// Listed after startup, the listing fails: it is logged once, and documents are
		// still found by id.
		write(this.root.resolve("web/abc.graphql"), "query Abc { abc }");
		write(this.root.resolve("web/def.graphql"), "query Def { def }");
		symlink(this.root.resolve(link), this.root);
		String location = location(this.root);
		DocumentCatalog catalog = load(location);
		assertThat(find(catalog, "web/abc")).isEqualTo("query Abc { abc }");
		assertThat(catalog.ids()).containsExactly("web/abc");
		assertThat(catalog.size()).isOne();
		assertThat(catalog.isListed()).isFalse();
		// Found by id after the listing failed: served, not counted.
		assertThat(find(catalog, "web/def")).isEqualTo("query Def { def }");
		assertThat(catalog.ids()).containsExactly("web/abc");
	}

	@Test
	void listingThatFailsIsLoggedOnceAsAnErrorNamingTheLocation(CapturedOutput output) throws IOException {
		write(this.root.resolve("web/abc.graphql"), "query Abc { abc }");
		symlink(this.root.resolve("web/loop"), this.root);
		String location = location(this.root);
		DocumentCatalog catalog = load(location);
		catalog.ids();
		catalog.size();
		assertThat(output).containsOnlyOnce("Could not list the persisted documents of [" + location + "]");
		assertThat(output).contains("ERROR", "only those found until now are counted, checked or indexed");
	}

	@Test
	@Override
	void fileRemovedAfterTheListingIsNotServedAndTheOthersAre(CapturedOutput output) throws IOException {
		Path gone = write(this.root.resolve("gone.graphql"), "query Gone { gone }");
		write(this.root.resolve("kept.graphql"), "query Kept { kept }");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(catalog.size()).isEqualTo(2);
		Files.delete(gone);
		assertThat(find(catalog, "gone")).isNull();
		assertThat(output).contains("Not serving the persisted document 'gone'", gone.toString());
		assertThat(catalog.ids()).containsExactlyInAnyOrder("gone", "kept");
		assertThat(catalog.documents().entrySet()).containsExactly(entry("kept", "query Kept { kept }"));
	}

	@Test
	void fileRemovedBeforeTheListingIsNeitherFoundNorListed(CapturedOutput output) throws IOException {
		Path gone = write(this.root.resolve("gone.graphql"), "query Gone { gone }");
		DocumentCatalog catalog = load(location(this.root));
		Files.delete(gone);
		assertThat(find(catalog, "gone")).isNull();
		assertThat(catalog.size()).isZero();
		assertThat(output).doesNotContain("gone");
	}

	@Test
	void filesAreFoundByIdUntilTheLocationIsListedAndThenByTheListing() throws IOException {
		write(this.root.resolve("abc.graphql"), "query Abc { abc }");
		DocumentCatalog catalog = load(location(this.root));
		// Written after startup: found by id, so nothing was listed.
		write(this.root.resolve("web/late.graphql"), "query Late { late }");
		assertThat(catalog.isListed()).isFalse();
		assertThat(find(catalog, "web/late")).isEqualTo("query Late { late }");
		assertThat(catalog.isListed()).isFalse();
		assertThat(catalog.ids()).containsExactlyInAnyOrder("abc", "web/late");
		assertThat(catalog.isListed()).isTrue();
		// Written after the listing: the listing answers, with no file system call.
		write(this.root.resolve("later.graphql"), "query Later { later }");
		assertThat(find(catalog, "later")).isNull();
		assertThat(find(catalog, "abc")).isEqualTo("query Abc { abc }");
	}

	@Test
	void everyCharacterAnIdAllowsIsFoundByIdBeforeTheListing() throws IOException {
		write(this.root.resolve("a.b-c_d~e:f.graphql"), "query A { a }");
		write(this.root.resolve("ns/X~y:z.graphql"), "query X { x }");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(find(catalog, "a.b-c_d~e:f")).isEqualTo("query A { a }");
		assertThat(find(catalog, "ns/X~y:z")).isEqualTo("query X { x }");
		assertThat(find(catalog, "ns/x~y:z")).isNull();
		assertThat(catalog.isListed()).isFalse();
	}

	@Test
	void symbolicLinksAreFoundByIdUnderTheirNameInsideTheRootNeverUnderTheirTarget() throws IOException {
		Path outside = Files.createDirectory(this.tempDir.resolve("outside"));
		write(outside.resolve("evil.graphql"), "query Evil { evil }");
		write(outside.resolve("deeper/deep.graphql"), "query Deep { deep }");
		symlink(this.root.resolve("linked"), outside);
		symlink(this.root.resolve("file.graphql"), outside.resolve("evil.graphql"));
		DocumentCatalog catalog = load(location(this.root));
		assertThat(find(catalog, "linked/evil")).isEqualTo("query Evil { evil }");
		assertThat(find(catalog, "linked/deeper/deep")).isEqualTo("query Deep { deep }");
		assertThat(find(catalog, "file")).isEqualTo("query Evil { evil }");
		assertThat(find(catalog, "evil")).isNull();
		assertThat(catalog.sourceOf("file")).contains(this.root.resolve("file.graphql").toString());
		assertThat(catalog.isListed()).isFalse();
		assertThat(catalog.ids()).containsExactlyInAnyOrder("linked/evil", "linked/deeper/deep", "file");
		assertThat(catalog.sourceOf("file")).contains(this.root.resolve("file.graphql").toString());
	}

	@Test
	void locationIsListedOnceHoweverManyAskAtOnce(CapturedOutput output) throws Exception {
		for (int i = 0; i < 200; i++) {
			write(this.root.resolve("doc" + i + ".graphql"), "query Doc { doc" + i + " }");
		}
		DocumentCatalog catalog = load(location(this.root));
		List<Callable<Integer>> askers = Collections.nCopies(8, (Callable<Integer>) catalog::size);
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			for (Future<Integer> size : executor.invokeAll(askers)) {
				assertThat(size.get()).isEqualTo(200);
			}
		}
		finally {
			executor.shutdown();
		}
		assertThat(output).containsOnlyOnce("Listed 200 persisted documents");
	}

	@Test
	void mapLookupsFindByIdWithoutListing() throws IOException {
		write(this.root.resolve("web/abc.graphql"), "query Abc { abc }");
		DocumentCatalog catalog = load(location(this.root));
		Map<String, String> documents = catalog.documents();
		assertThat(documents.get("web/abc")).isEqualTo("query Abc { abc }");
		assertThat(documents.containsKey("web/abc")).isTrue();
		assertThat(documents.keySet().contains("web/abc")).isTrue();
		assertThat(documents.get("web/none")).isNull();
		assertThat(documents.get("not an id")).isNull();
		assertThat(documents.get(42)).isNull();
		assertThat(catalog.sourceOf("web/abc")).contains(this.root.resolve("web/abc.graphql").toString());
		assertThat(catalog.sourceOf("web/none")).isNull();
		assertThat(catalog.isListed()).isFalse();
	}

	@Test
	void sha256IdIsFoundUnderItsBareDigestOnly() throws IOException {
		String digest = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
		write(this.root.resolve(digest + ".graphql"), "abc");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(find(catalog, "sha256:" + digest)).isEqualTo("abc");
		assertThat(catalog.documents().get("sha256:" + digest)).isNull();
		assertThat(catalog.documents().get(digest)).isEqualTo("abc");
	}

	@Test
	void hiddenFilesAndFoldersAreNotFoundById() throws IOException {
		write(this.root.resolve(".hidden.graphql"), "query Hidden { hidden }");
		write(this.root.resolve("web/.secret/abc.graphql"), "query Secret { secret }");
		write(this.root.resolve(".web/abc.graphql"), "query Secret { secret }");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(find(catalog, ".hidden")).isNull();
		assertThat(find(catalog, "web/.secret/abc")).isNull();
		assertThat(find(catalog, ".web/abc")).isNull();
		assertThat(catalog.ids()).isEmpty();
	}

	@Test
	void folderNamedLikeADocumentIsNotFoundAsOne() throws IOException {
		write(this.root.resolve("abc.graphql/def.graphql"), "query Def { def }");
		DocumentCatalog catalog = load(location(this.root));
		assertThat(find(catalog, "abc")).isNull();
		assertThat(find(catalog, "abc.graphql/def")).isEqualTo("query Def { def }");
		assertThat(catalog.ids()).containsExactly("abc.graphql/def");
	}

	@Test
	void unknownIdIsLookedUpOffTheCallersThreadUntilTheListingAnswersAtOnce() throws IOException {
		DocumentCatalog catalog = load(location(this.root));
		assertThat(catalog.findDocument(OperationId.of("none"))
			.defaultIfEmpty("")
			.map((text) -> Thread.currentThread().getName())
			.block()).startsWith("boundedElastic-");
		assertThat(catalog.size()).isZero();
		assertThat(ImmediateAnswer.of(catalog.findDocument(OperationId.of("none"))))
			.isEqualTo(new ImmediateAnswer<>(null));
	}

	@Test
	@Override
	void sameIdInTwoLocationsWithDifferentTextsFailsTheLoadNamingBothFiles() throws IOException {
		// Found by id, the two texts are compared on the first use: the id is not served.
		Path first = write(this.tempDir.resolve("first/abc.graphql"), "query A { a }");
		Path second = write(this.tempDir.resolve("second/abc.graphql"), "query B { b }");
		DocumentCatalog catalog = builder()
			.load(loader(), List.of(location(first.getParent()), location(second.getParent())))
			.build();
		assertThat(find(catalog, "abc")).isNull();
		assertThat(catalog.ids()).containsExactly("abc");
		assertThat(catalog.documents().entrySet()).isEmpty();
	}

	@Test
	void sameIdInTwoLocationsWithDifferentTextsIsLoggedNamingBothFiles(CapturedOutput output) throws IOException {
		Path first = write(this.tempDir.resolve("first/web/abc.graphql"), "query A { a }");
		Path second = write(this.tempDir.resolve("second/web/abc.graphql"), "query B { b }");
		write(this.tempDir.resolve("second/def.graphql"), "query D { d }");
		DocumentCatalog catalog = builder()
			.load(loader(), List.of(location(this.tempDir.resolve("first")), location(this.tempDir.resolve("second"))))
			.build();
		assertThat(catalog.documents().entrySet()).containsExactly(entry("def", "query D { d }"));
		assertThat(output).contains("ERROR", "Not serving the persisted document 'web/abc'",
				"id 'web/abc' has different texts in file [" + first + "] and file [" + second + "]");
	}

	@Test
	void locationThatHoldsOnlyManifestsIsLoggedWhenListed(CapturedOutput output) throws IOException {
		write(this.root.resolve("persisted-query-manifest.json"), "{}");
		String location = location(this.root);
		DocumentCatalog catalog = load(location);
		assertThat(catalog.size()).isZero();
		assertThat(output).contains("ERROR", "Could not list the persisted documents of [" + location + "]",
				"holds manifests [persisted-query-manifest.json]");
	}

	@Test
	void entriesOfAJarOnTheClasspathAreFoundByIdAndListed() throws IOException {
		// As a build writes them: folders have entries too.
		Path jar = writeJar(Map.of("docs/", "", "docs/web/", "", "docs/abc.graphql", "query Abc { abc }",
				"docs/web/def.graphql", "query Def { def }", "docs/.hidden.graphql", "query Hidden { hidden }"));
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			DocumentCatalog catalog = loadDocsFromTheClasspath(classLoader);
			assertThat(find(catalog, "web/def")).isEqualTo("query Def { def }");
			assertThat(find(catalog, "web")).isNull();
			assertThat(find(catalog, ".hidden")).isNull();
			assertThat(find(catalog, "none")).isNull();
			assertThat(catalog.isListed()).isFalse();
			assertThat(catalog.sourceOf("web/def")).contains(jar.getFileName().toString(), "docs/web/def.graphql");
			assertThat(catalog.documents()).containsOnly(entry("abc", "query Abc { abc }"),
					entry("web/def", "query Def { def }"));
		}
	}

	@Test
	void idThatLooksLikeAUrlIsLookedUpInsideTheJar() throws IOException {
		Path outside = write(this.tempDir.resolve("outside/secret.graphql"), "query Secret { secret }");
		String asUrl = "file:" + outside.getParent() + "/secret";
		Path jar = writeJar(Map.of("docs/", "", "docs/abc.graphql", "query Abc { abc }"));
		try (URLClassLoader classLoader = new URLClassLoader(new URL[] { jar.toUri().toURL() }, null)) {
			DocumentCatalog catalog = loadDocsFromTheClasspath(classLoader);
			assertThat(find(catalog, asUrl)).isNull();
			assertThat(find(catalog, "abc")).isEqualTo("query Abc { abc }");
		}
	}

	/**
	 * Write a jar of the given entries, by name, in the order of their names (a folder's
	 * entry before those in it).
	 */
	private Path writeJar(Map<String, String> entries) throws IOException {
		Path jar = this.tempDir.resolve("documents.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (Map.Entry<String, String> entry : new TreeMap<>(entries).entrySet()) {
				out.putNextEntry(new JarEntry(entry.getKey()));
				out.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
				out.closeEntry();
			}
		}
		return jar;
	}

	private DocumentCatalog loadDocsFromTheClasspath(ClassLoader classLoader) {
		DirectoryDocumentLoader loader = new DirectoryDocumentLoader(
				new PathMatchingResourcePatternResolver(classLoader), reading());
		return builder().load(loader, List.of("classpath:/docs/")).build();
	}

}
