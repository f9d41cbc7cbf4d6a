package dev.persistedops.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.persistedops.client.IdConvention;
import dev.persistedops.client.PersistedOperationsConfigurer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.client.HttpSyncGraphQlClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedOperationsClientAutoConfiguration}.
 */
class PersistedOperationsClientAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(PersistedOperationsClientAutoConfiguration.class));

	@Test
	void misspeltClientKeyFailsStartupNamingTheClosestProperty() {
		this.contextRunner.withPropertyValues("persisted-ops.client.convension=doc-id").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(new UnknownPropertyFailureAnalyzer().analyze(context.getStartupFailure()).getDescription())
				.contains("did you mean persisted-ops.client.convention?");
		});
	}

	@Test
	void sendsDocumentIdsByDefault() {
		this.contextRunner.run((context) -> {
			PersistedOperationsConfigurer configurer = context.getBean(PersistedOperationsConfigurer.class);
			assertThat(configurer.getConvention()).isEqualTo(IdConvention.DOCUMENT_ID);
			assertThat(configurer.getOperationIds().idOf("{ books { title } }"))
				.isEqualTo("sha256:" + "39047b30209bfc1671f9c980c85fed564c383f8cad503dbd1aa2fa350cb9e778");
		});
	}

	@Test
	void bindsTheConventionAndTheClientName() {
		this.contextRunner
			.withPropertyValues("persisted-ops.client.convention=operation-id",
					"persisted-ops.client.operation-store-client=ios")
			.run((context) -> assertThat(
					context.getBean(PersistedOperationsConfigurer.class).getOperationIds().idOf("{ books { title } }"))
				.isEqualTo("ios/7d0b63998765c936a0199cfb040fae0d"));
	}

	@Test
	void bindsTheHashAlgorithm() {
		this.contextRunner
			.withPropertyValues("persisted-ops.client.convention=id", "persisted-ops.client.hash-algorithm=sha256")
			.run((context) -> assertThat(
					context.getBean(PersistedOperationsConfigurer.class).getOperationIds().idOf("{ books { title } }"))
				.isEqualTo("39047b30209bfc1671f9c980c85fed564c383f8cad503dbd1aa2fa350cb9e778"));
	}

	@Test
	void takesIdsAndDocumentsFromTheManifest() {
		this.contextRunner
			.withPropertyValues(
					"persisted-ops.client.manifest=classpath:/client-fixtures/persisted-query-manifest.json")
			.run((context) -> {
				PersistedOperationsConfigurer configurer = context.getBean(PersistedOperationsConfigurer.class);
				assertThat(configurer.getOperationIds().idOf("query GetBook { book(id: 1) { title } }"))
					.isEqualTo("get-book-v1");
				assertThat(configurer.getManifest()).isNotNull();
			});
	}

	@Test
	void providesClientBuildersAsPrototypes() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(HttpSyncGraphQlClient.Builder.class))
				.isNotSameAs(context.getBean(HttpSyncGraphQlClient.Builder.class));
			assertThat(context.getBean(HttpGraphQlClient.Builder.class))
				.isNotSameAs(context.getBean(HttpGraphQlClient.Builder.class));
		});
	}

	@Test
	void backsOffWhenTheApplicationDefinesAConfigurer() {
		this.contextRunner.withUserConfiguration(UserConfigurer.class)
			.run((context) -> assertThat(context.getBean(PersistedOperationsConfigurer.class).getConvention())
				.isEqualTo(IdConvention.DOC_ID));
	}

	@Test
	void isOffWhenDisabled() {
		this.contextRunner.withPropertyValues("persisted-ops.client.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PersistedOperationsConfigurer.class)
				.doesNotHaveBean(HttpSyncGraphQlClient.Builder.class));
	}

	@Test
	void isOffWithoutTheClientModule() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(PersistedOperationsConfigurer.class))
			.run((context) -> assertThat(context).doesNotHaveBean(PersistedOperationsClientProperties.class));
	}

	@Test
	void apqWithAnotherConventionFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("persisted-ops.client.apq=true").run((context) -> {
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("persisted-ops.client.convention=persisted-query");
			assertThat(analysis.getAction()).isEqualTo("Fix persisted-ops.client.apq.");
		});
	}

	@Test
	void operationIdWithoutAClientNameFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("persisted-ops.client.convention=operation-id")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getAction())
				.isEqualTo("Fix persisted-ops.client.operation-store-client."));
	}

	@Test
	void invalidManifestFailsNamingTheFileAndTheProperty() {
		this.contextRunner
			.withPropertyValues("persisted-ops.client.manifest=classpath:/client-fixtures/not-a-manifest.json")
			.run((context) -> {
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("not-a-manifest.json")
					.contains("'format' must be 'apollo-persisted-query-manifest'");
				assertThat(analysis.getAction()).isEqualTo("Fix persisted-ops.client.manifest.");
			});
	}

	@Test
	void missingManifestFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("persisted-ops.client.manifest=classpath:/client-fixtures/nope.json")
			.run((context) -> assertThat(analyze(context.getStartupFailure()).getDescription()).contains("nope.json")
				.contains("cannot be read"));
	}

	private static FailureAnalysis analyze(Throwable failure) {
		assertThat(failure).isNotNull();
		FailureAnalysis analysis = new InvalidClientPropertiesFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		return analysis;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserConfigurer {

		@Bean
		PersistedOperationsConfigurer userConfigurer() {
			return PersistedOperationsConfigurer.builder().convention(IdConvention.DOC_ID).build();
		}

	}

}
