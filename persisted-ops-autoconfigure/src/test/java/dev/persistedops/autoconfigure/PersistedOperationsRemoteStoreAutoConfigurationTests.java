package dev.persistedops.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.persistedops.document.OperationId;
import dev.persistedops.publish.DocumentPublishingRunner;
import dev.persistedops.store.CachingOperationDocumentStore;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.memory.InMemoryOperationDocumentStore;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for the remote store types and publishing in {@link PersistedOperationsAutoConfiguration}.
 */
class PersistedOperationsRemoteStoreAutoConfigurationTests {

	private static final String DOCUMENTS = "classpath:/autoconfig-fixtures/documents/";

	private static final String GREETING_MD5 = "bb28b4361bbb1365763e710ce3071d70";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(JacksonAutoConfiguration.class, DataRedisAutoConfiguration.class,
					DataRedisReactiveAutoConfiguration.class, GraphQlAutoConfiguration.class,
					PersistedOperationsAutoConfiguration.class));

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

	@Test
	void publishingIsOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(DocumentPublishingRunner.class));
	}

	@Test
	void publishingSavesTheConfiguredDocumentsIntoTheStoreAndCanRunAgain() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=memory", "persisted-ops.publish.enabled=true",
					"persisted-ops.publish.filesystem.locations=" + DOCUMENTS)
			.run((context) -> {
				DocumentPublishingRunner runner = context.getBean(DocumentPublishingRunner.class);
				runner.run(null);
				runner.run(null);
				assertThat(context.getBean(InMemoryOperationDocumentStore.class)
					.findDocument(OperationId.of(GREETING_MD5))
					.block()).isEqualTo("query Greeting { greeting }");
			});
	}

	@Test
	void publishingFailsWhenAnIdHoldsADifferentText() {
		InMemoryOperationDocumentStore store = new InMemoryOperationDocumentStore();
		store.save(OperationId.of(GREETING_MD5), "query Other { other }");
		this.contextRunner.withBean(InMemoryOperationDocumentStore.class, () -> store)
			.withPropertyValues("persisted-ops.publish.enabled=true",
					"persisted-ops.publish.filesystem.locations=" + DOCUMENTS)
			.run((context) -> assertThatException()
				.isThrownBy(() -> context.getBean(DocumentPublishingRunner.class).run(null))
				.withMessageContaining(GREETING_MD5)
				.withMessageContaining("different text"));
	}

	@Test
	void publishingIntoAStoreThatCannotBeWrittenFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.filesystem.locations=" + DOCUMENTS,
					"persisted-ops.publish.enabled=true", "persisted-ops.publish.filesystem.locations=" + DOCUMENTS)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("persisted-ops.publish.enabled")
				.hasMessageContaining("cannot be written"));
	}

	@Test
	void publishingWithoutLocationsFailsStartupNamingTheProperties() {
		this.contextRunner.withPropertyValues("persisted-ops.store.type=memory", "persisted-ops.publish.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("persisted-ops.publish.filesystem.locations"));
	}

}
