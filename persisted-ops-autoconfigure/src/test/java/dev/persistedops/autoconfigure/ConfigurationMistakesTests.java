package dev.persistedops.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.DocumentLoadException;
import dev.persistedops.store.HashMismatchAction;
import dev.persistedops.store.filesystem.DirectoryDocumentLoader;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.servlet.GraphQlWebMvcAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The configuration mistakes a new user makes, each answered with a message that says how
 * to fix it: the message a user reads, from a real startup and Spring Boot's failure
 * analysis.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfigurationMistakesTests {

	private static final String FIXTURES = "classpath:/autoconfig-fixtures/";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class,
				PersistedOperationsStoreAutoConfiguration.class, PersistedOperationsAutoConfiguration.class));

	@Test
	void apolloManifestWithSha1IdsIsRefusedSayingApolloClientsSendSha256() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=manifest",
					"persisted-ops.store.manifest.locations=" + FIXTURES + "sha1-apollo-manifest.json")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("operations[0]")
					.contains("shaped like a sha1 hex digest")
					.contains("Apollo clients send the sha256 of the body")
					.contains("Re-export the manifest with sha256 ids");
				assertThat(analysis.getAction()).contains("persisted-ops.store.manifest.locations")
					.doesNotContain("on-mismatch");
			});
	}

	@Test
	void locationWithoutPrefixThatIsOnTheClasspathSaysToWriteTheClasspathPrefix() {
		// As in a web application, where a location without a prefix is not on the
		// classpath.
		ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(new FileSystemResourceLoader());
		DocumentCatalog.Builder catalog = DocumentCatalog
			.builder(new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX), HashMismatchAction.FAIL);
		assertThatExceptionOfType(DocumentLoadException.class)
			.isThrownBy(() -> new DirectoryDocumentLoader(resolver).load("autoconfig-fixtures/documents/", catalog))
			.withMessageContaining("autoconfig-fixtures/documents/ does not exist")
			.withMessageContaining("classpath:/autoconfig-fixtures/documents/ does")
			.withMessageContaining("write the location with its classpath: prefix");
	}

	@Test
	void filesystemLocationThatIsAManifestSaysItIsAFileAndNamesTheManifestProperty() {
		this.contextRunner.withPropertyValues("persisted-ops.store.filesystem.locations=" + FIXTURES + "manifest.json")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("manifest.json is not a directory but a file");
				assertThat(analysis.getAction()).contains("set persisted-ops.store.type=manifest and "
						+ "persisted-ops.store.manifest.locations=" + FIXTURES + "manifest.json");
			});
	}

	@Test
	void defaultStoreOverAFolderOfManifestsSaysToUseTheManifestStore() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.filesystem.locations=" + FIXTURES + "manifests-only/")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("holds manifests [persisted_queries.json]")
					.contains("no <id>.graphql files");
				assertThat(analysis.getAction())
					.contains("set persisted-ops.store.type=manifest and " + "persisted-ops.store.manifest.locations="
							+ FIXTURES + "manifests-only/persisted_queries.json");
			});
	}

	@Test
	void manifestNextToDocumentsIsNamedInAWarning(CapturedOutput output) {
		this.contextRunner.withPropertyValues("persisted-ops.store.filesystem.locations=" + FIXTURES + "mixed/")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).contains(
						FIXTURES + "mixed/ also holds [operations.json], which a directory store " + "does not read");
			});
	}

	@Test
	void missingDocumentsFolderWithTheDefaultStoreSaysToCreateItOrChooseAStoreType() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(new ClassPathResource("persisted-operations/")))
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("classpath:/persisted-operations/ does not exist");
				assertThat(analysis.getAction()).contains("Create src/main/resources/persisted-operations/")
					.contains("persisted-ops.store.type to the store you use");
			});
	}

	@Test
	void manifestThatIsNotValidJsonDoesNotSuggestLettingHashMismatchesThrough() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=manifest",
					"persisted-ops.store.manifest.locations=" + FIXTURES + "malformed.json")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("malformed.json").contains("not valid JSON");
				assertThat(analysis.getAction()).contains("Fix the file named above").doesNotContain("on-mismatch");
			});
	}

	@Test
	void manifestOfAnUnknownVersionDoesNotSuggestLettingHashMismatchesThrough() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=manifest",
					"persisted-ops.store.manifest.locations=" + FIXTURES + "unknown-version.json")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context);
				assertThat(analysis.getDescription()).contains("unsupported manifest version 2");
				assertThat(analysis.getAction()).doesNotContain("on-mismatch");
			});
	}

	@Test
	void webSocketPathOnSpringMvcWithoutWebSocketSupportWarns(CapturedOutput output) {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class,
					GraphQlWebMvcAutoConfiguration.class, PersistedOperationsStoreAutoConfiguration.class,
					PersistedOperationsAutoConfiguration.class, PersistedOperationsWebMvcAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.web.socket", "jakarta.websocket",
					"org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler"))
			.withPropertyValues("spring.graphql.websocket.path=/graphql")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output)
					.contains("spring.graphql.websocket.path is set to '/graphql', but Spring MVC has no "
							+ "WebSocket support on the classpath")
					.contains("add spring-boot-starter-websocket");
			});
	}

	@Test
	void webSocketPathOnSpringMvcWithWebSocketSupportDoesNotWarn(CapturedOutput output) {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class,
					GraphQlWebMvcAutoConfiguration.class, PersistedOperationsStoreAutoConfiguration.class,
					PersistedOperationsAutoConfiguration.class, PersistedOperationsWebMvcAutoConfiguration.class))
			.withPropertyValues("spring.graphql.websocket.path=/graphql")
			.run((context) -> assertThat(output).doesNotContain("has no WebSocket support"));
	}

	private static FailureAnalysis analyze(ApplicationContextAssertProvider<?> context) {
		return DocumentLoadFailureAnalyzerTests.analyzeStartupFailure(context);
	}

}
