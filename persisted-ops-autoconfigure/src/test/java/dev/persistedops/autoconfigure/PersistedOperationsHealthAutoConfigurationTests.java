package dev.persistedops.autoconfigure;

import org.junit.jupiter.api.Test;

import dev.persistedops.observability.RemoteStoreHealthIndicator;
import dev.persistedops.store.RemoteStoreMonitor;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedOperationsHealthAutoConfiguration}. The behaviour against a
 * real Redis that stops and starts is in
 * {@code RemoteStoreObservabilityIntegrationTests}.
 */
class PersistedOperationsHealthAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, DataRedisAutoConfiguration.class,
				DataRedisReactiveAutoConfiguration.class, GraphQlAutoConfiguration.class,
				PersistedOperationsStoreAutoConfiguration.class, PersistedOperationsAutoConfiguration.class,
				PersistedOperationsHealthAutoConfiguration.class))
		.withPropertyValues("persisted-ops.store.filesystem.locations=classpath:/autoconfig-fixtures/documents/",
				"persisted-ops.store.timeout=200ms");

	@Test
	void aFileStoreHasNoHealthIndicator() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(RemoteStoreMonitor.class)
			.doesNotHaveBean(RemoteStoreHealthIndicator.class));
	}

	@Test
	void aRedisStoreThatCannotBeReachedIsDegradedByDefault() {
		this.contextRunner.withPropertyValues("persisted-ops.store.type=redis", "spring.data.redis.port=1")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasBean("persistedOperationsHealthIndicator");
				Health health = context.getBean(RemoteStoreHealthIndicator.class).health().block();
				assertThat(health.getStatus()).isEqualTo(RemoteStoreHealthIndicator.DEGRADED);
				assertThat(health.getDetails()).containsEntry("store", "redis").containsEntry("reachable", false);
			});
	}

	@Test
	void aRedisStoreThatCannotBeReachedIsDownWhenConfigured() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=redis", "spring.data.redis.port=1",
					"persisted-ops.health.down-on-outage=true")
			.run((context) -> assertThat(context.getBean(RemoteStoreHealthIndicator.class).health().block().getStatus())
				.isEqualTo(Status.DOWN));
	}

	@Test
	void healthIndicatorCanBeDisabled() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=redis", "spring.data.redis.port=1",
					"management.health.persistedoperations.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(RemoteStoreHealthIndicator.class));
	}

	@Test
	void backsOffWithoutSpringBootHealth() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.withPropertyValues("persisted-ops.store.type=redis", "spring.data.redis.port=1")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(RemoteStoreMonitor.class)
				.doesNotHaveBean("persistedOperationsHealthIndicator"));
	}

}
