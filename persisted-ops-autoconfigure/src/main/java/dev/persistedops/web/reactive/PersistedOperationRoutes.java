package dev.persistedops.web.reactive;

import java.util.Map;

import dev.persistedops.web.GetRequestParameters;
import dev.persistedops.web.SubscribeMessageRewriter;

import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.socket.server.support.WebSocketUpgradeHandlerPredicate;

/**
 * The routes of the WebFlux edge: GET requests for persisted queries (order the router
 * ahead of Spring for GraphQL's, which answers every GET on the GraphQL path with 405), and
 * the WebSocket endpoint.
 */
public final class PersistedOperationRoutes {

	/** Ahead of Spring for GraphQL's WebSocket mapping (-2) and router functions. */
	static final int WEB_SOCKET_ORDER = -3;

	private PersistedOperationRoutes() {
	}

	/**
	 * Route GET requests on the GraphQL path whose parameters may carry an operation id.
	 */
	public static RouterFunction<ServerResponse> get(String path, PersistedOperationHttpHandler handler) {
		return RouterFunctions.route()
			.GET(path, (request) -> GetRequestParameters.mayCarryId(request.queryParams().keySet()),
					handler::handleGetRequest)
			.build();
	}

	/**
	 * Map the GraphQL WebSocket path to Spring for GraphQL's handler behind a
	 * {@link PersistedOperationWebSocketHandler}, ahead of Spring for GraphQL's own mapping.
	 */
	public static HandlerMapping webSocket(String path, GraphQlWebSocketHandler handler,
			SubscribeMessageRewriter rewriter) {
		SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping();
		mapping.setHandlerPredicate(new WebSocketUpgradeHandlerPredicate());
		mapping.setUrlMap(Map.of(path, new PersistedOperationWebSocketHandler(handler, rewriter)));
		mapping.setOrder(WEB_SOCKET_ORDER);
		return mapping;
	}

}
