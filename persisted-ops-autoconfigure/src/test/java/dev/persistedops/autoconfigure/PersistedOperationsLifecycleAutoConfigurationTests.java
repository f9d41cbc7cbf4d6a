package dev.persistedops.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.persistedops.document.OperationId;
import dev.persistedops.execution.InvalidStoredDocumentsException;
import dev.persistedops.execution.PersistedDocumentCache;
import dev.persistedops.execution.SchemaValidationMode;
import dev.persistedops.execution.StoredDocumentCheck;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.DocumentReloader;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.ReloadingDocumentStore;
import dev.persistedops.store.memory.InMemoryOperationDocumentStore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.NestedExceptionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedOperationsLifecycleAutoConfiguration}: stored documents
 * checked against the test schema at startup, in each mode, and kept parsed.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersistedOperationsLifecycleAutoConfigurationTests {

	private static final String GREETING = "query Greeting { greeting }";

	private static final String GREETING_MD5 = "bb28b4361bbb1365763e710ce3071d70";

	private static final String STALE = "query Stale {\n  greeting\n  farewell\n}\n";

	private static final String STALE_ID = "clients/stale";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class,
				PersistedOperationsStoreAutoConfiguration.class, PersistedOperationsAutoConfiguration.class,
				PersistedOperationsPublishingAutoConfiguration.class,
				PersistedOperationsLifecycleAutoConfiguration.class));

	@TempDir
	Path directory;

	@Test
	void warnIsTheDefaultAndKeepsValidDocumentsParsed() throws IOException {
		this.contextRunner.withPropertyValues(locations(withStaleDocument())).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(StoredDocumentCheck.class).mode()).isEqualTo(SchemaValidationMode.WARN);
			PersistedDocumentCache cache = context.getBean(PersistedDocumentCache.class);
			assertThat(cache.parsedDocument(GREETING)).isNotNull();
			assertThat(cache.parsedDocument(STALE)).isNull();
		});
	}

	@Test
	void warnLogsEachInvalidDocumentWithItsFileAndTheField(CapturedOutput output) throws IOException {
		this.contextRunner.withPropertyValues(locations(withStaleDocument()), "persisted-ops.validation.mode=warn")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("1 of 2 persisted documents in the store is not valid against the schema:")
					.contains(" - Stale (id 'clients/stale', file [" + this.directory.resolve("clients/stale.graphql"))
					.contains("Field 'farewell' in type 'Query' is undefined")
					.contains("persisted-ops.validation.mode=fail refuses them");
			});
	}

	@Test
	void failRefusesToStartNamingTheDocumentTheFieldAndTheProperty() throws IOException {
		this.contextRunner.withPropertyValues(locations(withStaleDocument()), "persisted-ops.validation.mode=fail")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(failure(context)).isInstanceOf(InvalidStoredDocumentsException.class)
					.hasMessageContaining("Stale (id 'clients/stale', file [")
					.hasMessageContaining("Field 'farewell' in type 'Query' is undefined")
					.hasMessageNotContaining(GREETING_MD5);
				FailureAnalysis analysis = new InvalidStoredDocumentsFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("clients/stale");
				assertThat(analysis.getAction()).contains("persisted-ops.validation.mode=warn");
			});
	}

	@Test
	void failStartsWhenEveryDocumentIsValid() throws IOException {
		Files.writeString(this.directory.resolve(GREETING_MD5 + ".graphql"), GREETING);
		this.contextRunner.withPropertyValues(locations(this.directory), "persisted-ops.validation.mode=fail")
			.run((context) -> assertThat(context.getBean(PersistedDocumentCache.class).parsedDocument(GREETING))
				.isNotNull());
	}

	@Test
	void largeStoreInWarnModeIsCheckedInTheBackgroundOnceTheApplicationIsReady(CapturedOutput output)
			throws IOException {
		Path directory = withLargeStore(withStaleDocument());
		this.contextRunner.withPropertyValues(locations(directory), "persisted-ops.validation.background-delay=0")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				PersistedDocumentCache cache = context.getBean(PersistedDocumentCache.class);
				assertThat(cache.size()).isZero();
				ready(context);
				Awaitility.await()
					.atMost(Duration.ofSeconds(60))
					.untilAsserted(() -> assertThat(output).contains("Checked 1002 persisted documents in the store"));
				assertThat(cache.parsedDocument(largeStoreDocument(7))).isNotNull();
				assertThat(output)
					.contains("1 of 1002 persisted documents in the store is not valid against the schema:")
					.contains(" - Stale (id 'clients/stale'");
			});
	}

	@Test
	void storeNotListedAtStartupIsListedAndCheckedInTheBackgroundInWarnMode(CapturedOutput output) throws IOException {
		withStaleDocument();
		this.contextRunner
			.withPropertyValues(locations(this.directory), "persisted-ops.store.filesystem.read=on-first-use-unlisted",
					"persisted-ops.validation.background-delay=0")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				DocumentCatalog catalog = context.getBean(DocumentCatalog.class);
				assertThat(catalog.isListed()).isFalse();
				ready(context);
				Awaitility.await()
					.atMost(Duration.ofSeconds(60))
					.untilAsserted(() -> assertThat(output).contains("Checked 2 persisted documents in the store"));
				assertThat(catalog.isListed()).isTrue();
				assertThat(output).contains("Listed 2 persisted documents of [file:" + this.directory + "/]")
					.contains("1 of 2 persisted documents in the store is not valid against the schema:");
			});
	}

	@Test
	void storeNotListedAtStartupIsListedAndCheckedBeforeTheServerStartsInFailMode() throws IOException {
		this.contextRunner
			.withPropertyValues(locations(withStaleDocument()),
					"persisted-ops.store.filesystem.read=on-first-use-unlisted", "persisted-ops.validation.mode=fail")
			.run((context) -> assertThat(failure(context)).isInstanceOf(InvalidStoredDocumentsException.class)
				.hasMessageContaining("Stale (id 'clients/stale', file ["));
	}

	@Test
	void backgroundCheckStartsTheDelayAfterTheApplicationIsReadyAndNotAfterItCloses(CapturedOutput output)
			throws IOException {
		Path directory = withLargeStore(withStaleDocument());
		this.contextRunner.withPropertyValues(locations(directory), "persisted-ops.validation.background-delay=1h")
			.run((context) -> {
				ready(context);
				assertThat(output).contains("The persisted documents will be checked against the schema in the "
						+ "background in 3600s (persisted-ops.validation.background-delay)");
				// Long enough for the check to end when it starts at once (see the test
				// above).
				Thread.sleep(2_000);
				assertThat(context.getBean(PersistedDocumentCache.class).size()).isZero();
				assertThat(output).doesNotContain("Checking 1002 persisted documents");
				assertThat(schemaCheckThreads()).hasSize(1);
			});
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(schemaCheckThreads()).isEmpty());
		assertThat(output).doesNotContain("Checking 1002 persisted documents");
	}

	@Test
	void negativeBackgroundDelayFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("persisted-ops.validation.background-delay=-1s")
			.run((context) -> assertThat(failure(context))
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("persisted-ops.validation.background-delay")
				.hasMessageContaining("must not be negative"));
	}

	@Test
	void largeStoreInFailModeIsCheckedBeforeTheApplicationStarts() throws IOException {
		Path directory = withLargeStore(withStaleDocument());
		this.contextRunner.withPropertyValues(locations(directory), "persisted-ops.validation.mode=fail")
			.run((context) -> assertThat(failure(context)).isInstanceOf(InvalidStoredDocumentsException.class)
				.hasMessageContaining("Stale (id 'clients/stale'"));
	}

	@Test
	void offChecksAndParsesNothing(CapturedOutput output) throws IOException {
		this.contextRunner.withPropertyValues(locations(withStaleDocument()), "persisted-ops.validation.mode=off")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(PersistedDocumentCache.class).size()).isZero();
				assertThat(output).doesNotContain("farewell");
			});
	}

	@Test
	void manifestEntriesAreNamedByTheirEntry() throws IOException {
		Path manifest = Files.writeString(this.directory.resolve("persisted_queries.json"),
				"{\"" + STALE_ID + "\": \"query Stale { farewell }\"}");
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=manifest",
					"persisted-ops.store.manifest.locations=file:" + manifest, "persisted-ops.validation.mode=fail")
			.run((context) -> assertThat(failure(context))
				.hasMessageContaining("Stale (id 'clients/stale', URL [file:" + manifest + "])")
				.hasMessageContaining("Field 'farewell' in type 'Query' is undefined"));
	}

	@Test
	void memoryStoreDocumentsRegisteredInCodeAreChecked() {
		this.contextRunner.withUserConfiguration(FillsMemoryStore.class)
			.withPropertyValues("persisted-ops.store.type=memory", "persisted-ops.validation.mode=fail")
			.run((context) -> assertThat(failure(context)).isInstanceOf(InvalidStoredDocumentsException.class)
				.hasMessageContaining("Stale (id 'clients/stale'): "));
	}

	@Test
	void documentsPublishedAtStartupAreCheckedBeforeTheyArePublished() throws IOException {
		this.contextRunner.withUserConfiguration(RecordsMemoryStore.class)
			.withPropertyValues("persisted-ops.store.type=memory", "persisted-ops.publish.enabled=true",
					"persisted-ops.publish.filesystem.locations=file:" + withStaleDocument(),
					"persisted-ops.validation.mode=fail")
			.run((context) -> {
				assertThat(failure(context)).isInstanceOf(InvalidStoredDocumentsException.class)
					.hasMessageStartingWith("1 of 2 persisted documents to publish is not valid")
					.hasMessageContaining("Stale (id 'clients/stale', file [");
				assertThat(RecordsMemoryStore.store.documents()).isEmpty();
			});
	}

	@Test
	void reloadIsOffByDefault() throws IOException {
		this.contextRunner.withPropertyValues(locations(withStaleDocument()))
			.run((context) -> assertThat(context).hasSingleBean(DocumentCatalog.class)
				.doesNotHaveBean(ReloadingDocumentStore.class)
				.doesNotHaveBean(DocumentReloader.class));
	}

	@Test
	void reloadOfFileLocationsPollsAtTheIntervalOnceStarted() throws IOException {
		Files.writeString(this.directory.resolve(GREETING_MD5 + ".graphql"), GREETING);
		this.contextRunner
			.withPropertyValues(locations(this.directory), "persisted-ops.store.reload.enabled=true",
					"persisted-ops.store.reload.interval=250ms")
			.run((context) -> {
				assertThat(context).hasSingleBean(ReloadingDocumentStore.class)
					.doesNotHaveBean(DocumentCatalog.class)
					.hasSingleBean(DocumentReloader.class);
				DocumentReloader reloader = context.getBean(DocumentReloader.class);
				assertThat(reloader.isRunning()).isTrue();
				assertThat(reloader.interval()).isEqualTo(Duration.ofMillis(250));
				assertThat(context.getBean(OperationDocumentStore.class))
					.isSameAs(context.getBean(ReloadingDocumentStore.class));
			});
	}

	@Test
	void startupSummaryGivesTheReloadIntervalAsItWouldBeWritten(CapturedOutput output) throws IOException {
		Files.writeString(this.directory.resolve(GREETING_MD5 + ".graphql"), GREETING);
		this.contextRunner.withPropertyValues(locations(this.directory), "persisted-ops.store.reload.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains("reloaded when they change (looked at every 5s)").doesNotContain("5000ms");
			});
	}

	@Test
	void reloadIsCheckedAgainstTheSchemaAndRefusedUnderFail() throws IOException {
		Files.writeString(this.directory.resolve(GREETING_MD5 + ".graphql"), GREETING);
		this.contextRunner
			.withPropertyValues(locations(this.directory), "persisted-ops.store.reload.enabled=true",
					"persisted-ops.store.reload.interval=1h", "persisted-ops.validation.mode=fail")
			.run((context) -> {
				withStaleDocument();
				DocumentReloader reloader = context.getBean(DocumentReloader.class);
				assertThat(reloader.reloadIfChanged()).isEqualTo(DocumentReloader.Outcome.FAILED);
				assertThat(reloader.failure())
					.startsWith("1 of 2 persisted documents read by a reload is not valid against the schema")
					.contains("Stale (id 'clients/stale'")
					.contains("Field 'farewell' in type 'Query' is undefined");
				assertThat(context.getBean(ReloadingDocumentStore.class).documents()).containsOnlyKeys(GREETING_MD5);
			});
	}

	@Test
	void reloadIsCheckedAgainstTheSchemaAndServedParsedUnderWarn(CapturedOutput output) throws IOException {
		Files.writeString(this.directory.resolve(GREETING_MD5 + ".graphql"), GREETING);
		this.contextRunner
			.withPropertyValues(locations(this.directory), "persisted-ops.store.reload.enabled=true",
					"persisted-ops.store.reload.interval=1h")
			.run((context) -> {
				String added = "query Added { greeting(name: \"reload\") }";
				Files.writeString(this.directory.resolve("added.graphql"), added);
				withStaleDocument();
				DocumentReloader reloader = context.getBean(DocumentReloader.class);
				assertThat(reloader.reloadIfChanged()).isEqualTo(DocumentReloader.Outcome.RELOADED);
				assertThat(context.getBean(ReloadingDocumentStore.class).documents()).containsOnlyKeys(GREETING_MD5,
						"added", STALE_ID);
				assertThat(output).contains("1 of 3 persisted documents read by a reload is not valid")
					.contains("Reloaded persisted documents from [" + this.directory + "]: 3 documents (2 added");
				assertThat(context.getBean(PersistedDocumentCache.class).parsedDocument(added)).isNotNull();
			});
	}

	@Test
	void filesReadOnFirstUseStartDespiteAMismatchThatIsThenNotServed(CapturedOutput output) throws IOException {
		Files.writeString(this.directory.resolve(GREETING_MD5 + ".graphql"), STALE);
		Files.writeString(this.directory.resolve("later.graphql"), "query Listed { greeting }");
		this.contextRunner
			.withPropertyValues(locations(this.directory), "persisted-ops.store.filesystem.read=on-first-use",
					"persisted-ops.validation.mode=off")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				OperationDocumentStore store = context.getBean(OperationDocumentStore.class);
				Files.writeString(this.directory.resolve("later.graphql"), GREETING);
				assertThat(store.findDocument(OperationId.of("later")).block()).isEqualTo(GREETING);
				assertThat(store.findDocument(OperationId.of(GREETING_MD5)).blockOptional()).isEmpty();
				assertThat(output).contains("Not serving a persisted document read on its first use");
			});
	}

	@Test
	void filesReadAtStartupFailOnAMismatchByDefault() throws IOException {
		Files.writeString(this.directory.resolve(GREETING_MD5 + ".graphql"), STALE);
		this.contextRunner.withPropertyValues(locations(this.directory), "persisted-ops.validation.mode=off")
			.run((context) -> assertThat(failure(context)).hasMessageContaining(GREETING_MD5));
	}

	@Test
	void withReloadEveryFileIsReadAtStartupWhateverTheReadSetting() throws IOException {
		Files.writeString(this.directory.resolve(GREETING_MD5 + ".graphql"), STALE);
		this.contextRunner
			.withPropertyValues(locations(this.directory), "persisted-ops.store.filesystem.read=on-first-use",
					"persisted-ops.store.reload.enabled=true", "persisted-ops.validation.mode=off")
			.run((context) -> assertThat(failure(context)).hasMessageContaining(GREETING_MD5)
				.hasMessageContaining("is not the md5 hex of its text"));
	}

	@Test
	void reloadReadsEveryFileEvenWhenTheFirstLoadReadsThemOnFirstUse() throws IOException {
		Files.writeString(this.directory.resolve(GREETING_MD5 + ".graphql"), GREETING);
		this.contextRunner
			.withPropertyValues(locations(this.directory), "persisted-ops.store.filesystem.read=on-first-use",
					"persisted-ops.store.reload.enabled=true", "persisted-ops.store.reload.interval=1h",
					"persisted-ops.validation.mode=off")
			.run((context) -> {
				Files.writeString(this.directory.resolve("900150983cd24fb0d6963f7d28e17f72.graphql"), GREETING);
				DocumentReloader reloader = context.getBean(DocumentReloader.class);
				assertThat(reloader.reloadIfChanged()).isEqualTo(DocumentReloader.Outcome.FAILED);
				assertThat(reloader.failure()).contains("900150983cd24fb0d6963f7d28e17f72")
					.contains("is not the md5 hex of its text");
				assertThat(context.getBean(ReloadingDocumentStore.class).documents()).containsOnlyKeys(GREETING_MD5);
			});
	}

	@Test
	void reloadOfClasspathLocationsFailsNamingTheLocations() {
		this.contextRunner.withPropertyValues("persisted-ops.store.reload.enabled=true").run((context) -> {
			assertThat(failure(context)).hasMessageContaining("persisted-ops.store.filesystem.locations")
				.hasMessageContaining("give the locations as file: paths");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1s" })
	void reloadIntervalBelowAMillisecondFailsNamingTheProperty(String interval) {
		this.contextRunner
			.withPropertyValues(locations(this.directory), "persisted-ops.store.reload.enabled=true",
					"persisted-ops.store.reload.interval=" + interval)
			.run((context) -> assertThat(failure(context))
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("persisted-ops.store.reload.interval")
				.hasMessageContaining("at least a millisecond"));
	}

	@Test
	void reloadOfARemoteStoreFailsNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=memory", "persisted-ops.store.reload.enabled=true")
			.run((context) -> assertThat(failure(context)).hasMessageContaining("persisted-ops.store.reload.enabled")
				.hasMessageContaining("Only the filesystem and manifest stores are reloaded"));
	}

	private static void ready(AssertableApplicationContext context) {
		context.publishEvent(new ApplicationReadyEvent(new SpringApplication(), new String[0],
				context.getSourceApplicationContext(), Duration.ZERO));
	}

	private static List<Thread> schemaCheckThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("persisted-ops-schema-check") && thread.isAlive())
			.toList();
	}

	private static Throwable failure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		return NestedExceptionUtils.getMostSpecificCause(context.getStartupFailure());
	}

	private Path withStaleDocument() throws IOException {
		Files.writeString(this.directory.resolve(GREETING_MD5 + ".graphql"), GREETING);
		Files.createDirectories(this.directory.resolve("clients"));
		Files.writeString(this.directory.resolve("clients/stale.graphql"), STALE);
		return this.directory;
	}

	/**
	 * Add more documents than are checked before the application is ready in warn mode.
	 */
	private static Path withLargeStore(Path directory) throws IOException {
		for (int i = 0; i < StoredDocumentsStartupCheck.CHECKED_BEFORE_READY; i++) {
			Files.writeString(directory.resolve("large-" + i + ".graphql"), largeStoreDocument(i));
		}
		return directory;
	}

	private static String largeStoreDocument(int i) {
		return "query Large" + i + " { greeting }";
	}

	private static String locations(Path directory) {
		return "persisted-ops.store.filesystem.locations=file:" + directory + "/";
	}

	@Configuration(proxyBeanMethods = false)
	static class FillsMemoryStore {

		FillsMemoryStore(InMemoryOperationDocumentStore store) {
			store.save(OperationId.of(GREETING_MD5), GREETING);
			store.save(OperationId.of(STALE_ID), STALE);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordsMemoryStore {

		static final InMemoryOperationDocumentStore store = new InMemoryOperationDocumentStore();

		@Bean
		InMemoryOperationDocumentStore persistedOperationsDocumentStore() {
			return store;
		}

	}

}
