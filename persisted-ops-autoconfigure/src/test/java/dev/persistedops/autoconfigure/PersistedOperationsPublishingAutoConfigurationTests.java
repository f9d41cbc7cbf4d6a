package dev.persistedops.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.persistedops.document.OperationId;
import dev.persistedops.publish.DocumentPublishingRunner;
import dev.persistedops.publish.OperationStoreSyncEndpoint;
import dev.persistedops.publish.RelayPersistEndpoint;
import dev.persistedops.store.memory.InMemoryOperationDocumentStore;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link PersistedOperationsPublishingAutoConfiguration}.
 */
class PersistedOperationsPublishingAutoConfigurationTests {

	private static final String DOCUMENTS = "classpath:/autoconfig-fixtures/documents/";

	private static final String GREETING_MD5 = "bb28b4361bbb1365763e710ce3071d70";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, GraphQlAutoConfiguration.class,
				PersistedOperationsStoreAutoConfiguration.class, PersistedOperationsAutoConfiguration.class,
				PersistedOperationsPublishingAutoConfiguration.class))
		.withPropertyValues("persisted-ops.store.type=redis", "spring.data.redis.port=1");

	@Test
	void endpointsAreOffByDefault() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(RelayPersistEndpoint.class)
			.doesNotHaveBean(OperationStoreSyncEndpoint.class)
			.doesNotHaveBean("persistedOperationsRelayPersistRoute")
			.doesNotHaveBean("persistedOperationsOperationStoreSyncRoute"));
	}

	@Test
	void enabledEndpointsAreRouted() {
		this.contextRunner
			.withPropertyValues("persisted-ops.relay.enabled=true", "persisted-ops.relay.token=t",
					"persisted-ops.operation-store.enabled=true", "persisted-ops.operation-store.clients.web.secrets=s")
			.run((context) -> assertThat(context).hasSingleBean(RelayPersistEndpoint.class)
				.hasSingleBean(OperationStoreSyncEndpoint.class)
				.hasBean("persistedOperationsRelayPersistRoute")
				.hasBean("persistedOperationsOperationStoreSyncRoute"));
	}

	@Test
	void endpointsNeedASharedStoreAndSaySo() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=filesystem",
					"persisted-ops.store.filesystem.locations=classpath:/autoconfig-fixtures/documents/",
					"persisted-ops.relay.enabled=true", "persisted-ops.relay.token=t")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Relay persist endpoint")
				.hasMessageContaining("persisted-ops.store.type"));
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=memory", "persisted-ops.operation-store.enabled=true",
					"persisted-ops.operation-store.clients.web.secrets=s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("OperationStore sync endpoint")
				.hasMessageContaining("shared store"));
	}

	@Test
	void relayEndpointWithoutATokenFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("persisted-ops.relay.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("persisted-ops.relay.token"));
	}

	@Test
	void syncEndpointWithoutClientsFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("persisted-ops.operation-store.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("persisted-ops.operation-store.clients"));
	}

	@Test
	void syncClientWithoutASecretFailsStartupNamingTheProperty() {
		this.contextRunner
			.withPropertyValues("persisted-ops.operation-store.enabled=true",
					"persisted-ops.operation-store.clients.web.secrets=")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("persisted-ops.operation-store.clients.web.secrets"));
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
			.withPropertyValues("persisted-ops.store.type=filesystem",
					"persisted-ops.store.filesystem.locations=" + DOCUMENTS, "persisted-ops.publish.enabled=true",
					"persisted-ops.publish.filesystem.locations=" + DOCUMENTS)
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
