package dev.persistedops.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.persistedops.store.DocumentLoadException;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DocumentLoadFailureAnalyzer}.
 */
class DocumentLoadFailureAnalyzerTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, GraphQlAutoConfiguration.class,
				PersistedOperationsStoreAutoConfiguration.class, PersistedOperationsAutoConfiguration.class,
				PersistedOperationsPublishingAutoConfiguration.class));

	private static final DocumentLoadException MISSING_LOCATION = DocumentLoadException.location("classpath:/nowhere/",
			"does not exist");

	private static final DocumentLoadException TAMPERED = DocumentLoadException
		.content(List.of("manifest.json operations[0]: id 'abc' is not the sha256 hex of its text"));

	private static final DocumentLocations DEFAULT_FILESYSTEM = new DocumentLocations(
			"persisted-ops.store.filesystem.locations", List.of("classpath:/persisted-operations/"), true, null);

	@Test
	void namesFilesystemLocationsByDefault() {
		FailureAnalysis analysis = analyze(DEFAULT_FILESYSTEM, MISSING_LOCATION);
		assertThat(analysis.getAction()).contains("persisted-ops.store.filesystem.locations")
			.doesNotContain("persisted-ops.store.manifest.locations");
		assertThat(analysis.getDescription()).contains("classpath:/nowhere/ does not exist");
	}

	@Test
	void namesFilesystemLocationsForTheFilesystemStore() {
		DocumentLocations configured = new DocumentLocations("persisted-ops.store.filesystem.locations",
				List.of("classpath:/nowhere/"), false, null);
		FailureAnalysis analysis = analyze(configured, MISSING_LOCATION);
		assertThat(analysis.getAction()).contains("persisted-ops.store.filesystem.locations")
			.contains("classpath:/nowhere/");
	}

	@Test
	void namesManifestLocationsForTheManifestStore() {
		DocumentLocations configured = new DocumentLocations("persisted-ops.store.manifest.locations", List.of(), false,
				null);
		FailureAnalysis analysis = analyze(configured, MISSING_LOCATION);
		assertThat(analysis.getAction()).contains("persisted-ops.store.manifest.locations")
			.doesNotContain("persisted-ops.store.filesystem.locations");
	}

	@Test
	void namesManifestLocationsForTamperedManifestContent() {
		DocumentLocations configured = new DocumentLocations("persisted-ops.store.manifest.locations",
				List.of("classpath:/manifest.json"), false, null);
		FailureAnalysis analysis = analyze(configured, TAMPERED);
		assertThat(analysis.getDescription()).isEqualTo(TAMPERED.getMessage());
		assertThat(analysis.getAction()).contains("persisted-ops.store.manifest.locations")
			.contains("persisted-ops.hash.on-mismatch=warn");
	}

	@Test
	void namesFilesystemLocationsForTamperedDirectoryContent() {
		FailureAnalysis analysis = analyze(DEFAULT_FILESYSTEM, TAMPERED);
		assertThat(analysis.getAction()).contains("persisted-ops.store.filesystem.locations")
			.contains("persisted-ops.hash.on-mismatch=warn");
	}

	@Test
	void namesThePublishDirectoriesWhenPublishingIntoRedisCannotLoadThem() {
		this.contextRunner.withPropertyValues("persisted-ops.store.type=redis", "spring.data.redis.port=1",
				"persisted-ops.publish.enabled=true", "persisted-ops.publish.filesystem.locations=classpath:/nowhere/")
			.run((context) -> {
				FailureAnalysis analysis = analyzeStartupFailure(context);
				assertThat(analysis.getDescription()).contains("classpath:/nowhere/");
				assertThat(analysis.getAction()).contains("persisted-ops.publish.filesystem.locations")
					.contains("[classpath:/nowhere/]")
					.doesNotContain("persisted-ops.store.")
					.doesNotContain("persisted-ops.publish.manifest.locations");
			});
	}

	@Test
	void namesThePublishManifestsWhenPublishingIntoRedisCannotLoadThem() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=redis", "spring.data.redis.port=1",
					"persisted-ops.publish.enabled=true",
					"persisted-ops.publish.filesystem.locations=classpath:/autoconfig-fixtures/documents/",
					"persisted-ops.publish.manifest.locations=classpath:/nowhere.json")
			.run((context) -> assertThat(analyzeStartupFailure(context).getAction())
				.contains("persisted-ops.publish.manifest.locations")
				.doesNotContain("persisted-ops.publish.filesystem.locations")
				.doesNotContain("persisted-ops.store."));
	}

	@Test
	void namesEveryPublishPropertyForContentThatFailsVerification() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=redis", "spring.data.redis.port=1",
					"persisted-ops.publish.enabled=true",
					"persisted-ops.publish.filesystem.locations=classpath:/autoconfig-fixtures/documents/",
					"persisted-ops.publish.manifest.locations=classpath:/autoconfig-fixtures/tampered-manifest.json")
			.run((context) -> assertThat(analyzeStartupFailure(context).getAction())
				.contains("persisted-ops.publish.filesystem.locations or persisted-ops.publish.manifest.locations")
				.contains("persisted-ops.hash.on-mismatch=warn"));
	}

	@Test
	void analyzesOnlyDocumentLoadFailures() {
		DocumentLoadFailureAnalyzer analyzer = new DocumentLoadFailureAnalyzer();
		assertThat(analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
	}

	@Test
	void isRegisteredAsAFailureAnalyzer() {
		// Analyzers of other modules need more than an Environment: skip those, keep
		// ours.
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, ArgumentResolver.of(Environment.class, new MockEnvironment()),
					FailureHandler.handleMessage((message, failure) -> {
					}));
		assertThat(analyzers).hasAtLeastOneElementOfType(DocumentLoadFailureAnalyzer.class);
	}

	static FailureAnalysis analyzeStartupFailure(ApplicationContextAssertProvider<?> context) {
		assertThat(context).hasFailed();
		FailureAnalysis analysis = new DocumentLoadFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).as("analysis of %s", context.getStartupFailure()).isNotNull();
		return analysis;
	}

	private static FailureAnalysis analyze(DocumentLocations source, DocumentLoadException cause) {
		FailureAnalysis analysis = new DocumentLoadFailureAnalyzer()
			.analyze(new BeanCreationException("persistedOperationsDocumentStore", "Failed to instantiate",
					new ConfiguredDocumentsException(List.of(source), cause)));
		assertThat(analysis).isNotNull();
		return analysis;
	}

}
