package dev.persistedops.autoconfigure;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;

import dev.persistedops.execution.PersistedDocumentCache;
import dev.persistedops.observability.DocumentReloadMetrics;
import dev.persistedops.observability.PersistedOperationCacheMetrics;
import dev.persistedops.observability.PersistedOperationMetrics;
import dev.persistedops.observability.PersistedOperationUsageMetrics;
import dev.persistedops.observability.RemoteStoreMetrics;
import dev.persistedops.store.ListableOperationDocumentStore;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.RemoteStoreMonitor;
import dev.persistedops.web.PersistedOperationInterceptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the metrics of persisted operations, when the application has a
 * Micrometer {@link MeterRegistry}: the counter of decisions, the counter of runs per
 * operation, the local caches (with Micrometer's Caffeine binder), and the lookup timer
 * and outage gauge of a remote store.
 */
@AutoConfiguration(after = PersistedOperationsAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, PersistedOperationInterceptor.class })
public final class PersistedOperationsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PersistedOperationMetrics persistedOperationMetrics(MeterRegistry registry,
			PersistedOperationsProperties properties) {
		return new PersistedOperationMetrics(registry, properties.getMetrics().getMaximumClientNames());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnExpression("${persisted-ops.metrics.maximum-operations:1000} > 0")
	PersistedOperationUsageMetrics persistedOperationUsageMetrics(MeterRegistry registry,
			PersistedOperationsProperties properties, ObjectProvider<OperationDocumentStore> store) {
		return new PersistedOperationUsageMetrics(registry, properties.getMetrics().getMaximumOperations(),
				(store.getIfUnique() instanceof ListableOperationDocumentStore listable && listable.isListed())
						? listable.documents().keySet() : List.of());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty("persisted-ops.store.reload.enabled")
	DocumentReloadMetrics persistedOperationsReloadMetrics(MeterRegistry registry) {
		return new DocumentReloadMetrics(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(PersistedDocumentCache.class)
	PersistedOperationCacheMetrics persistedOperationCacheMetrics(MeterRegistry registry, PersistedDocumentCache parsed,
			ObjectProvider<OperationDocumentStore> store) {
		return new PersistedOperationCacheMetrics(registry, parsed, store.getIfUnique());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(RemoteStoreMonitor.class)
	static class RemoteStoreMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		RemoteStoreMetrics persistedOperationsRemoteStoreMetrics(MeterRegistry registry, RemoteStoreMonitor monitor) {
			return new RemoteStoreMetrics(registry, monitor);
		}

	}

}
