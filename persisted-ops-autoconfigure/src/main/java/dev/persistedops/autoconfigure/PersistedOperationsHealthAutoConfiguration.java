package dev.persistedops.autoconfigure;

import dev.persistedops.observability.RemoteStoreHealthIndicator;
import dev.persistedops.store.CachingOperationDocumentStore;
import dev.persistedops.store.RemoteStoreMonitor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the health of a remote store of persisted documents (Redis, Azure
 * Blob), when the application has Spring Boot's health support: the contributor
 * {@code persistedOperations}, enabled with
 * {@code management.health.persistedoperations.enabled} (on by default).
 */
@AutoConfiguration(after = PersistedOperationsAutoConfiguration.class)
@ConditionalOnClass(name = { "org.springframework.boot.health.contributor.ReactiveHealthIndicator",
		"org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator" })
@ConditionalOnBean(RemoteStoreMonitor.class)
public final class PersistedOperationsHealthAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledHealthIndicator("persistedoperations")
	static class RemoteStoreHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "persistedOperationsHealthIndicator")
		RemoteStoreHealthIndicator persistedOperationsHealthIndicator(PersistedOperationsProperties properties,
				RemoteStoreMonitor monitor, ObjectProvider<CachingOperationDocumentStore> cache) {
			return new RemoteStoreHealthIndicator(monitor, cache.getIfUnique(),
					properties.getHealth().isDownOnOutage());
		}

	}

}
