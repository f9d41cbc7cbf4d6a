package dev.persistedops.autoconfigure;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.persistedops.store.CachingOperationDocumentStore;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.DocumentLoadException;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.memory.InMemoryOperationDocumentStore;
import dev.persistedops.web.PersistedOperationInterceptor;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedOperationsStoreAutoConfiguration}. The Azure Blob store type
 * is tested against a real Azurite in {@link AzureBlobStoreConfigurationTests}.
 */
class PersistedOperationsStoreAutoConfigurationTests {

	private static final String FIXTURES = "classpath:/autoconfig-fixtures/";

	private static final String DOCUMENTS = "persisted-ops.store.filesystem.locations=" + FIXTURES + "documents/";

	private static final String GREETING_MD5 = "bb28b4361bbb1365763e710ce3071d70";

	private static final String ECHO_MD5 = "d75759690ca425a31ea923fbb5a584e9";

	private static final String TAMPERED_SHA256 = "7420949d383561875d216ad39c4da487de6ffb1b4dad2cbf2cdfedb5641a5a7b";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, GraphQlAutoConfiguration.class,
				PersistedOperationsStoreAutoConfiguration.class, PersistedOperationsAutoConfiguration.class))
		.withPropertyValues(DOCUMENTS);

	@Test
	void filesystemStoreHoldsTheDocumentsOfTheConfiguredLocations() {
		this.contextRunner.run((context) -> assertThat(context.getBean(DocumentCatalog.class).ids())
			.containsExactlyInAnyOrder(GREETING_MD5, "web/hello"));
	}

	@Test
	void backsOffWhenUserDefinesStore() {
		this.contextRunner.withUserConfiguration(UserStoreConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(OperationDocumentStore.class)
				.doesNotHaveBean(DocumentCatalog.class)
				.hasSingleBean(PersistedOperationInterceptor.class);
			assertThat(context.getBean(OperationDocumentStore.class))
				.isSameAs(context.getBean(UserStoreConfiguration.class).store);
		});
	}

	@Test
	void memoryStoreTypeDefinesAnInMemoryStore() {
		this.contextRunner.withPropertyValues("persisted-ops.store.type=memory").run((context) -> {
			assertThat(context).hasSingleBean(OperationDocumentStore.class).doesNotHaveBean(DocumentCatalog.class);
			assertThat(context).getBean(OperationDocumentStore.class)
				.isInstanceOf(InMemoryOperationDocumentStore.class);
		});
	}

	@Test
	void manifestStoreTypeHoldsTheIdsOfTheManifest() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=manifest",
					"persisted-ops.store.manifest.locations=" + FIXTURES + "manifest.json")
			.run((context) -> {
				assertThat(context).hasSingleBean(OperationDocumentStore.class);
				assertThat(context.getBean(DocumentCatalog.class).ids()).containsExactlyInAnyOrder(ECHO_MD5,
						"ios/read");
			});
	}

	@Test
	void manifestStoreTypeWithoutLocationsFailsStartup() {
		this.contextRunner.withPropertyValues("persisted-ops.store.type=manifest").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(DocumentLoadException.class);
		});
	}

	@Test
	void unknownStoreTypeFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("persisted-ops.store.type=cassandra").run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			BindException bindFailure = causeOfType(failure, BindException.class);
			assertThat(bindFailure).as("cause of %s", failure).isNotNull();
			assertThat(bindFailure.getMessage()).contains("persisted-ops.store.type");
		});
	}

	@Test
	void missingFilesystemLocationFailsStartup() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.filesystem.locations=" + FIXTURES + "no-such-directory/")
			.run((context) -> {
				assertThat(context).hasFailed();
				DocumentLoadException loadFailure = causeOfType(context.getStartupFailure(),
						DocumentLoadException.class);
				assertThat(loadFailure).isNotNull();
				assertThat(loadFailure.isLocationProblem()).isTrue();
				assertThat(loadFailure.getMessage()).contains("no-such-directory");
			});
	}

	@Test
	void tamperedManifestEntryFailsStartupNamingTheEntry() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=manifest",
					"persisted-ops.store.manifest.locations=" + FIXTURES + "tampered-manifest.json")
			.run((context) -> {
				assertThat(context).hasFailed();
				DocumentLoadException loadFailure = causeOfType(context.getStartupFailure(),
						DocumentLoadException.class);
				assertThat(loadFailure).isNotNull();
				assertThat(loadFailure.isLocationProblem()).isFalse();
				assertThat(loadFailure.getMessage()).contains("tampered-manifest.json")
					.contains("operations[0]")
					.contains(TAMPERED_SHA256);
			});
	}

	@Test
	void tamperedManifestEntryStartsWhenMismatchesOnlyWarn() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=manifest",
					"persisted-ops.store.manifest.locations=" + FIXTURES + "tampered-manifest.json",
					"persisted-ops.hash.on-mismatch=warn")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(DocumentCatalog.class).ids()).containsExactly(TAMPERED_SHA256);
			});
	}

	@Test
	void redisStoreTypeDefinesACachedRedisStoreWithoutConnecting() {
		this.contextRunner.withPropertyValues("persisted-ops.store.type=redis", "spring.data.redis.port=1")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(OperationDocumentStore.class)
				.isInstanceOf(CachingOperationDocumentStore.class));
	}

	@Test
	void redisStoreTypeWithoutSpringDataRedisFailsNamingThePropertyAndTheFix() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.data.redis"))
			.withPropertyValues("persisted-ops.store.type=redis")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("persisted-ops.store.type")
				.hasMessageContaining("spring-boot-starter-data-redis"));
	}

	private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserStoreConfiguration {

		final OperationDocumentStore store = (id) -> Mono.empty();

		@Bean
		OperationDocumentStore userStore() {
			return this.store;
		}

	}

}
