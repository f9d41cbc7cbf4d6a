package dev.persistedops.autoconfigure;

import dev.persistedops.observability.OperationUsage;
import dev.persistedops.observability.PersistedOperationsEndpoint;
import dev.persistedops.observability.PersistedOperationsInfoContributor;
import dev.persistedops.store.DocumentRegistry;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.web.PersistedOperationInterceptor;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.info.ConditionalOnEnabledInfoContributor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the Actuator side of persisted operations, when the application
 * has Actuator: the {@code persistedoperations} endpoint with the usage table it reads
 * (only when the endpoint is available, that is enabled and exposed), and the
 * {@code persistedOperations} entry of {@code info}.
 */
@AutoConfiguration(after = PersistedOperationsAutoConfiguration.class)
@ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
@ConditionalOnBean(PersistedOperationInterceptor.class)
public final class PersistedOperationsEndpointAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnAvailableEndpoint(PersistedOperationsEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OperationUsage persistedOperationsUsage(PersistedOperationsProperties properties) {
			return new OperationUsage(properties.getUsage().getMaximumOperations());
		}

		@Bean
		@ConditionalOnMissingBean
		PersistedOperationsEndpoint persistedOperationsEndpoint(PersistedOperationsProperties properties,
				OperationDocumentStore store, DocumentRegistry registry, OperationUsage usage) {
			return new PersistedOperationsEndpoint(StoreType.documentSource(properties.getStore().getType(), store),
					store, registry.lookups(), usage, properties.getStore().getTimeout());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnEnabledInfoContributor("persistedoperations")
	static class InfoConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PersistedOperationsInfoContributor persistedOperationsInfoContributor(PersistedOperationsProperties properties,
				OperationDocumentStore store) {
			return new PersistedOperationsInfoContributor(properties.getStore().getType().configName(),
					properties.enforcementMode().name().toLowerCase(), store);
		}

	}

}
