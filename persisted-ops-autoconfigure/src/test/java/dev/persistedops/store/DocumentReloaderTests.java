package dev.persistedops.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.document.OperationId;
import dev.persistedops.store.DocumentReloader.Outcome;
import dev.persistedops.store.filesystem.DirectoryDocumentLoader;
import dev.persistedops.store.manifest.ManifestDocumentLoader;
import dev.persistedops.test.ConfigMapVolume;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link DocumentReloader} and {@link ReloadingDocumentStore}, on a real file
 * system.
 */
@ExtendWith(OutputCaptureExtension.class)
class DocumentReloaderTests {

	private static final String GREETING = "query Greeting { greeting }";

	private static final String GREETING_MD5 = "bb28b4361bbb1365763e710ce3071d70";

	private static final Consumer<DocumentCatalog> ACCEPT_ALL = (candidate) -> {
	};

	@TempDir
	Path directory;

	private final AtomicInteger loads = new AtomicInteger();

	private ReloadingDocumentStore store;

	@Test
	void addedFileIsServedAfterTheReload() throws IOException {
		write("named/one.graphql", "query One { one }");
		DocumentReloader reloader = reloader(directoryStore(), ACCEPT_ALL);
		write("named/two.graphql", "query Two { two }");
		assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);
		assertThat(find(reloader, "named/two")).isEqualTo("query Two { two }");
		assertThat(find(reloader, "named/one")).isEqualTo("query One { one }");
	}

	@Test
	void deletedFileMissesAfterTheReload() throws IOException {
		write("named/one.graphql", "query One { one }");
		write(GREETING_MD5 + ".graphql", GREETING);
		DocumentReloader reloader = reloader(directoryStore(), ACCEPT_ALL);
		Files.delete(this.directory.resolve("named/one.graphql"));
		assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);
		assertThat(find(reloader, "named/one")).isNull();
		assertThat(find(reloader, GREETING_MD5)).isEqualTo(GREETING);
	}

	@Test
	void unchangedFilesAreNotReadAgainAndKeepTheSameMap() throws IOException {
		write("named/one.graphql", "query One { one }");
		age("named/one.graphql");
		ReloadingDocumentStore store = directoryStore();
		DocumentReloader reloader = reloader(store, ACCEPT_ALL);
		Map<String, String> served = store.documents();
		assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.UNCHANGED);
		int loads = this.loads.get();
		for (int i = 0; i < 5; i++) {
			assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.UNCHANGED);
		}
		assertThat(this.loads).hasValue(loads);
		assertThat(store.documents()).isSameAs(served);
	}

	@Test
	void filesReadAgainWithTheSameDocumentsKeepTheSameMap() throws IOException {
		write("named/one.graphql", "query One { one }");
		ReloadingDocumentStore store = directoryStore();
		DocumentReloader reloader = reloader(store, ACCEPT_ALL);
		Map<String, String> served = store.documents();
		write("named/one.graphql", "query One { one }");
		assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.UNCHANGED);
		assertThat(store.documents()).isSameAs(served);
	}

	@Test
	void editKeepingSizeAndModificationTimeIsSeenWhileTheTimeIsRecent() throws IOException {
		write("named/one.graphql", "query One { aaa }");
		DocumentReloader reloader = reloader(directoryStore(), ACCEPT_ALL);
		assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.UNCHANGED);
		Path file = this.directory.resolve("named/one.graphql");
		FileTime modified = Files.getLastModifiedTime(file);
		Files.writeString(file, "query One { bbb }");
		Files.setLastModifiedTime(file, modified);
		assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);
		assertThat(find(reloader, "named/one")).isEqualTo("query One { bbb }");
	}

	@Test
	void tamperedFileKeepsThePreviousDocumentsAndIsReportedOnce(CapturedOutput output) throws IOException {
		write(GREETING_MD5 + ".graphql", GREETING);
		write("named/one.graphql", "query One { one }");
		DocumentReloader reloader = reloader(directoryStore(), ACCEPT_ALL);
		write(GREETING_MD5 + ".graphql", "query Greeting { greeting secret }");
		write("named/two.graphql", "query Two { two }");
		assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.FAILED);
		assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.FAILED);
		assertThat(find(reloader, GREETING_MD5)).isEqualTo(GREETING);
		assertThat(find(reloader, "named/two")).as("nothing of a failed reload is served").isNull();
		assertThat(reloader.failure()).contains(GREETING_MD5 + ".graphql").contains("is not the md5 hex of its text");
		assertThat(output.getOut().lines().filter((line) -> line.contains("were not reloaded"))).singleElement()
			.asString()
			.contains("WARN")
			.contains("the previous 2 documents are still served");
		write(GREETING_MD5 + ".graphql", GREETING);
		assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);
		assertThat(reloader.failure()).isNull();
		assertThat(find(reloader, "named/two")).isEqualTo("query Two { two }");
		assertThat(output).contains("can be loaded again: 3 documents (1 added, 0 removed, 0 changed)");
	}

	@Test
	void documentsTheVerifierRefusesAreNotServed() throws IOException {
		write("named/one.graphql", "query One { one }");
		DocumentReloader reloader = reloader(directoryStore(), (candidate) -> {
			if (candidate.documents().values().stream().anyMatch((text) -> text.contains("farewell"))) {
				throw new IllegalStateException("Field 'farewell' in type 'Query' is undefined");
			}
		});
		write("named/one.graphql", "query One { farewell }");
		assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.FAILED);
		assertThat(reloader.failure()).isEqualTo("Field 'farewell' in type 'Query' is undefined");
		assertThat(find(reloader, "named/one")).isEqualTo("query One { one }");
	}

	@Test
	void deletedLocationKeepsThePreviousDocuments() throws IOException {
		write("named/one.graphql", "query One { one }");
		DocumentReloader reloader = reloader(directoryStore(), ACCEPT_ALL);
		Files.delete(this.directory.resolve("named/one.graphql"));
		Files.delete(this.directory.resolve("named"));
		Files.delete(this.directory);
		assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.FAILED);
		assertThat(reloader.failure()).contains("does not exist");
		assertThat(find(reloader, "named/one")).isEqualTo("query One { one }");
	}

	@Test
	void filesChangedWhileTheyAreReadAreReadAgainAtTheNextLook() throws IOException {
		write("named/one.graphql", "query One { one }");
		AtomicBoolean changeWhileReading = new AtomicBoolean();
		Supplier<DocumentCatalog> load = directoryLoad();
		ReloadingDocumentStore store = new ReloadingDocumentStore(() -> {
			DocumentCatalog catalog = load.get();
			if (changeWhileReading.getAndSet(false)) {
				write("named/two.graphql", "query Two { two }");
			}
			return catalog;
		}, List.of(this.directory));
		DocumentReloader reloader = reloader(store, ACCEPT_ALL);
		write("named/one.graphql", "query One { changed }");
		changeWhileReading.set(true);
		assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.CHANGING);
		assertThat(find(reloader, "named/one")).isEqualTo("query One { one }");
		assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);
		assertThat(store.documents()).containsOnlyKeys("named/one", "named/two");
	}

	@Test
	void manifestIsReloaded() throws IOException {
		Path manifest = write("persisted_queries.json", "{\"one\": \"query One { one }\"}");
		ReloadingDocumentStore store = new ReloadingDocumentStore(() -> DocumentCatalog
			.builder(new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX), HashMismatchAction.FAIL)
			.load(new ManifestDocumentLoader(new PathMatchingResourcePatternResolver(), JsonMapper.shared()),
					List.of("file:" + manifest))
			.build(), List.of(manifest));
		DocumentReloader reloader = reloader(store, ACCEPT_ALL);
		write("persisted_queries.json", "{\"two\": \"query Two { two }\"}");
		assertThat(reloader.reloadIfChanged()).isEqualTo(Outcome.RELOADED);
		assertThat(store.documents()).containsOnlyKeys("two");
		assertThat(store.sourceOf("two")).contains("persisted_queries.json");
	}

	@Test
	void configMapVolumeIsServedOneVersionAtATimeWhileItIsSwapped() throws Exception {
		ConfigMapVolume volume = new ConfigMapVolume(this.directory);
		List<Map<String, String>> versions = List.of(
				Map.of("getBook.graphql", "query GetBook { v1 }", "listBooks.graphql", "query ListBooks { v1 }"),
				Map.of("getBook.graphql", "query GetBook { v2 }", "addBook.graphql", "mutation AddBook { v2 }"),
				Map.of("listBooks.graphql", "query ListBooks { v3 }"), Map.of("getBook.graphql", "query GetBook { v4 }",
						"listBooks.graphql", "query ListBooks { v4 }", "addBook.graphql", "mutation AddBook { v4 }"));
		volume.update(versions.get(0), ConfigMapVolume.NO_PAUSE);
		ReloadingDocumentStore store = directoryStore();
		assertThat(store.documents()).isEqualTo(documents(versions.get(0)));
		DocumentReloader reloader = reloader(store, ACCEPT_ALL);
		Set<Map<String, String>> served = Collections.newSetFromMap(new IdentityHashMap<>());
		AtomicBoolean swapping = new AtomicBoolean(true);
		List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
		Thread reloads = new Thread(() -> {
			while (swapping.get()) {
				outcomes.add(reloader.reloadIfChanged());
				served.add(store.documents());
			}
		});
		reloads.start();
		for (Map<String, String> version : versions.subList(1, versions.size())) {
			volume.update(version, () -> sleep(Duration.ofMillis(150)));
		}
		sleep(Duration.ofMillis(150));
		swapping.set(false);
		reloads.join();
		List<Map<String, String>> expected = versions.stream().map(DocumentReloaderTests::documents).toList();
		assertThat(served).as("every set served is one version of the volume")
			.allSatisfy((documents) -> assertThat(expected).contains(documents));
		assertThat(served).hasSizeGreaterThanOrEqualTo(versions.size());
		assertThat(outcomes).contains(Outcome.RELOADED).doesNotContain(Outcome.FAILED);
		assertThat(reloader.reloadIfChanged()).isNotEqualTo(Outcome.FAILED);
		assertThat(store.documents()).isEqualTo(expected.get(expected.size() - 1));
		assertThat(store.sourceOf("getBook")).contains("..2025_01_01_00_00_00.4");
	}

	@Test
	void startedReloaderPicksUpChangesWithinTheIntervalAndStopEndsIt() throws IOException {
		write("named/one.graphql", "query One { one }");
		ReloadingDocumentStore store = directoryStore();
		DocumentReloader reloader = new DocumentReloader(store, Duration.ofMillis(100), ACCEPT_ALL);
		reloader.start();
		try {
			assertThat(reloader.isRunning()).isTrue();
			write("named/two.graphql", "query Two { two }");
			await().atMost(Duration.ofSeconds(5)).until(() -> store.documents().containsKey("named/two"));
		}
		finally {
			reloader.stop();
		}
		assertThat(reloader.isRunning()).isFalse();
		write("named/three.graphql", "query Three { three }");
		sleep(Duration.ofMillis(600));
		assertThat(store.documents()).as("nothing is reloaded once stopped").doesNotContainKey("named/three");
	}

	private static Map<String, String> documents(Map<String, String> files) {
		Map<String, String> documents = new HashMap<>();
		files.forEach((name, text) -> documents.put(name.replace(".graphql", ""), text));
		return documents;
	}

	private ReloadingDocumentStore directoryStore() {
		return new ReloadingDocumentStore(directoryLoad(), List.of(this.directory));
	}

	private Supplier<DocumentCatalog> directoryLoad() {
		DirectoryDocumentLoader loader = new DirectoryDocumentLoader(new PathMatchingResourcePatternResolver());
		return () -> {
			this.loads.incrementAndGet();
			return DocumentCatalog
				.builder(new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX), HashMismatchAction.FAIL)
				.load(loader, List.of("file:" + this.directory + "/"))
				.build();
		};
	}

	private DocumentReloader reloader(ReloadingDocumentStore store, Consumer<DocumentCatalog> verifier) {
		this.store = store;
		return new DocumentReloader(store, Duration.ofHours(1), verifier);
	}

	private @Nullable String find(DocumentReloader reloader, String id) {
		assertThat(reloader.failure() == null || !reloader.failure().isEmpty()).isTrue();
		return this.store.findDocument(OperationId.of(id)).block();
	}

	private Path write(String name, String text) {
		try {
			Path file = this.directory.resolve(name);
			Files.createDirectories(file.getParent());
			return Files.writeString(file, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void age(String name) throws IOException {
		Files.setLastModifiedTime(this.directory.resolve(name), FileTime.from(Instant.now().minusSeconds(3600)));
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
