package dev.persistedops.autoconfigure;

import dev.persistedops.publish.OperationStoreSyncEndpoint;
import dev.persistedops.publish.RelayPersistEndpoint;
import dev.persistedops.web.servlet.PublishingRoutes;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Routes for the publishing endpoints on Spring MVC, when they are enabled: relay-compiler's
 * persist endpoint and graphql-ruby-client's sync endpoint. They are not GraphQL operations, so
 * only-persisted mode does not apply to them.
 */
@AutoConfiguration(after = PersistedOperationsAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(RouterFunction.class)
public final class PersistedOperationsEndpointsWebMvcAutoConfiguration {

	@Bean
	@ConditionalOnBean(RelayPersistEndpoint.class)
	RouterFunction<ServerResponse> persistedOperationsRelayPersistRoute(RelayPersistEndpoint endpoint,
			PersistedOperationsProperties properties) {
		return PublishingRoutes.route(properties.getRelay().getPath(), endpoint,
				properties.getRelay().getMaxBodySize().toBytes());
	}

	@Bean
	@ConditionalOnBean(OperationStoreSyncEndpoint.class)
	RouterFunction<ServerResponse> persistedOperationsOperationStoreSyncRoute(OperationStoreSyncEndpoint endpoint,
			PersistedOperationsProperties properties) {
		return PublishingRoutes.route(properties.getOperationStore().getPath(), endpoint,
				properties.getOperationStore().getMaxBodySize().toBytes());
	}

}
