package dev.persistedops.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.persistedops.publish.OperationStoreSyncEndpoint;
import dev.persistedops.publish.RelayPersistEndpoint;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the publishing endpoints' auto-configuration.
 */
class PersistedOperationsEndpointsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, GraphQlAutoConfiguration.class,
				PersistedOperationsAutoConfiguration.class, PersistedOperationsEndpointsWebMvcAutoConfiguration.class))
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
					"persisted-ops.operation-store.enabled=true",
					"persisted-ops.operation-store.clients.web.secrets=s")
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

}
