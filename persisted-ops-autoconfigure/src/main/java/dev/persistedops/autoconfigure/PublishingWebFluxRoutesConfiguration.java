package dev.persistedops.autoconfigure;

import dev.persistedops.publish.OperationStoreSyncEndpoint;
import dev.persistedops.publish.RelayPersistEndpoint;
import dev.persistedops.web.reactive.PublishingRoutes;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The WebFlux routes of the enabled publishing endpoints, imported by
 * {@link PersistedOperationsPublishingAutoConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass(RouterFunction.class)
class PublishingWebFluxRoutesConfiguration {

	@Bean
	@ConditionalOnBooleanProperty(PersistedOperationsPublishingAutoConfiguration.RELAY_ENABLED)
	RouterFunction<ServerResponse> persistedOperationsRelayPersistRoute(RelayPersistEndpoint endpoint,
			PersistedOperationsProperties properties) {
		RelayProperties relay = properties.getRelay();
		return PublishingRoutes.route(relay.getPath(), endpoint, relay.getMaxBodySize().toBytes());
	}

	@Bean
	@ConditionalOnBooleanProperty(PersistedOperationsPublishingAutoConfiguration.OPERATION_STORE_ENABLED)
	RouterFunction<ServerResponse> persistedOperationsOperationStoreSyncRoute(OperationStoreSyncEndpoint endpoint,
			PersistedOperationsProperties properties) {
		OperationStoreProperties operationStore = properties.getOperationStore();
		return PublishingRoutes.route(operationStore.getPath(), endpoint, operationStore.getMaxBodySize().toBytes());
	}

}
