package dev.persistedops.autoconfigure;

import java.util.Objects;

import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.web.GetResponseCachePolicy;
import dev.persistedops.web.GraphQlRequestReader;
import dev.persistedops.web.PersistedOperationInterceptor;
import dev.persistedops.web.SubscribeMessageRewriter;
import dev.persistedops.web.servlet.GraphQlContentTypeFilter;
import dev.persistedops.web.servlet.PersistedOperationHttpHandler;
import dev.persistedops.web.servlet.PersistedOperationRoutes;
import dev.persistedops.web.servlet.PersistedOperationSseHandler;
import dev.persistedops.web.servlet.PersistedOperationWebSocketHandler;
import dev.persistedops.web.servlet.WebMvcGraphQlRequests;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.boot.graphql.autoconfigure.servlet.GraphQlWebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.graphql.server.webmvc.GraphQlSseHandler;
import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The HTTP edge for Spring MVC: replaces Spring for GraphQL's HTTP and SSE handlers with
 * ones that also read id-only POST bodies, routes GET requests for persisted queries
 * ahead of the route that answers GET with 405, and lets WebSocket {@code subscribe}
 * messages carry an id. Backs off when the application defines its own
 * {@link GraphQlHttpHandler}.
 */
@AutoConfiguration(after = PersistedOperationsAutoConfiguration.class, before = GraphQlWebMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = Type.SERVLET)
@ConditionalOnClass(GraphQlHttpHandler.class)
@ConditionalOnBean(PersistedOperationInterceptor.class)
@ConditionalOnMissingBean(GraphQlHttpHandler.class)
public final class PersistedOperationsWebMvcAutoConfiguration {

	@Bean
	WebMvcGraphQlRequests persistedOperationsWebMvcRequests(GraphQlRequestReader reader) {
		return new WebMvcGraphQlRequests(reader);
	}

	@Bean
	GraphQlContentTypeFilter persistedOperationsContentTypeFilter(GraphQlProperties properties,
			ObjectProvider<JsonMapper> jsonMapper) {
		return new GraphQlContentTypeFilter(properties.getHttp().getPath(),
				jsonMapper.getIfAvailable(JsonMapper::shared));
	}

	@Bean
	PersistedOperationHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler,
			WebMvcGraphQlRequests requests, GetResponseCachePolicy cachePolicy) {
		return new PersistedOperationHttpHandler(webGraphQlHandler, requests, cachePolicy);
	}

	@Bean
	@ConditionalOnMissingBean(GraphQlSseHandler.class)
	PersistedOperationSseHandler graphQlSseHandler(WebGraphQlHandler webGraphQlHandler, WebMvcGraphQlRequests requests,
			GraphQlProperties properties) {
		return new PersistedOperationSseHandler(webGraphQlHandler, requests, properties.getHttp().getSse().getTimeout(),
				properties.getHttp().getSse().getKeepAlive());
	}

	@Bean
	@Order(-1)
	RouterFunction<ServerResponse> persistedOperationsGetRouterFunction(PersistedOperationHttpHandler handler,
			GraphQlProperties properties) {
		return PersistedOperationRoutes.get(properties.getHttp().getPath(), handler);
	}

	@Bean
	@Order(-1)
	@ConditionalOnBooleanProperty("persisted-ops.http.operation-urls.enabled")
	RouterFunction<ServerResponse> persistedOperationsOperationUrlsRouterFunction(PersistedOperationHttpHandler handler,
			GraphQlProperties properties) {
		return PersistedOperationRoutes.operationUrls(properties.getHttp().getPath(), handler);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty("spring.graphql.websocket.path")
	@ConditionalOnClass(
			name = { "jakarta.websocket.server.ServerContainer", "org.springframework.web.socket.WebSocketHandler" })
	static class WebSocketConfiguration {

		@Bean
		HandlerMapping persistedOperationsWebSocketMapping(GraphQlWebSocketHandler handler,
				GraphQlProperties properties, GraphQlRequestReader reader, ObjectProvider<JsonMapper> jsonMapper) {
			SubscribeMessageRewriter rewriter = new SubscribeMessageRewriter(reader,
					jsonMapper.getIfAvailable(JsonMapper::shared));
			String path = Objects.requireNonNull(properties.getWebsocket().getPath(), "spring.graphql.websocket.path");
			return PersistedOperationWebSocketHandler.mapping(path, handler, rewriter);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty("spring.graphql.websocket.path")
	@ConditionalOnMissingClass("org.springframework.web.socket.WebSocketHandler")
	static class MissingWebSocketSupportConfiguration {

		@Bean
		MissingWebSocketSupportWarning persistedOperationsMissingWebSocketSupportWarning(GraphQlProperties properties) {
			return new MissingWebSocketSupportWarning(String.valueOf(properties.getWebsocket().getPath()));
		}

	}

}
