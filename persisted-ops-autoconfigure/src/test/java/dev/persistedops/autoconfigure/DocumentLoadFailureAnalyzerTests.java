package dev.persistedops.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.persistedops.store.DocumentLoadException;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
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

	private static final DocumentLoadException MISSING_LOCATION = DocumentLoadException
		.location("classpath:/nowhere/", "does not exist");

	private static final DocumentLoadException TAMPERED = DocumentLoadException
		.content(List.of("manifest.json operations[0]: id 'abc' is not the sha256 hex of its text"));

	@Test
	void namesFilesystemLocationsByDefault() {
		FailureAnalysis analysis = analyze(new MockEnvironment(), MISSING_LOCATION);
		assertThat(analysis.getAction()).contains("persisted-ops.store.filesystem.locations")
			.doesNotContain("persisted-ops.store.manifest.locations");
		assertThat(analysis.getDescription()).contains("classpath:/nowhere/ does not exist");
	}

	@Test
	void namesFilesystemLocationsForTheFilesystemStore() {
		MockEnvironment environment = new MockEnvironment().withProperty("persisted-ops.store.type", "filesystem")
			.withProperty("persisted-ops.store.filesystem.locations", "classpath:/nowhere/");
		FailureAnalysis analysis = analyze(environment, MISSING_LOCATION);
		assertThat(analysis.getAction()).contains("persisted-ops.store.filesystem.locations")
			.contains("classpath:/nowhere/");
	}

	@Test
	void namesManifestLocationsForTheManifestStore() {
		MockEnvironment environment = new MockEnvironment().withProperty("persisted-ops.store.type", "manifest");
		FailureAnalysis analysis = analyze(environment, MISSING_LOCATION);
		assertThat(analysis.getAction()).contains("persisted-ops.store.manifest.locations")
			.doesNotContain("persisted-ops.store.filesystem.locations");
	}

	@Test
	void namesManifestLocationsForTamperedManifestContent() {
		MockEnvironment environment = new MockEnvironment().withProperty("persisted-ops.store.type", "MANIFEST");
		FailureAnalysis analysis = analyze(environment, TAMPERED);
		assertThat(analysis.getDescription()).isEqualTo(TAMPERED.getMessage());
		assertThat(analysis.getAction()).contains("persisted-ops.store.manifest.locations")
			.contains("persisted-ops.hash.on-mismatch=warn");
	}

	@Test
	void namesFilesystemLocationsForTamperedDirectoryContent() {
		FailureAnalysis analysis = analyze(new MockEnvironment(), TAMPERED);
		assertThat(analysis.getAction()).contains("persisted-ops.store.filesystem.locations")
			.contains("persisted-ops.hash.on-mismatch=warn");
	}

	@Test
	void analyzesOnlyDocumentLoadFailures() {
		DocumentLoadFailureAnalyzer analyzer = new DocumentLoadFailureAnalyzer(new MockEnvironment());
		assertThat(analyzer.analyze(new IllegalStateException("unrelated"))).isNull();
	}

	@Test
	void isRegisteredAsAFailureAnalyzer() {
		// Analyzers of other modules need more than an Environment: skip those, keep ours.
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation()
			.load(FailureAnalyzer.class, ArgumentResolver.of(Environment.class, new MockEnvironment()),
					FailureHandler.handleMessage((message, failure) -> {
					}));
		assertThat(analyzers).hasAtLeastOneElementOfType(DocumentLoadFailureAnalyzer.class);
	}

	private static FailureAnalysis analyze(MockEnvironment environment, DocumentLoadException cause) {
		FailureAnalysis analysis = new DocumentLoadFailureAnalyzer(environment)
			.analyze(new BeanCreationException("persistedOperationsDocumentStore", "Failed to instantiate", cause));
		assertThat(analysis).isNotNull();
		return analysis;
	}

}
