package dev.persistedops.web.servlet;

import java.util.Map;

import dev.persistedops.web.GetRequestParameters;
import dev.persistedops.web.SubscribeMessageRewriter;

import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.web.servlet.HandlerMapping;

import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.socket.server.HandshakeHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * The routes of the Spring MVC edge: GET requests for persisted queries (order the router
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
			.GET(path, (request) -> GetRequestParameters.mayCarryId(request.params().keySet()),
					handler::handleGetRequest)
			.build();
	}

	/**
	 * Map the GraphQL WebSocket path to Spring for GraphQL's handler behind a
	 * {@link PersistedOperationWebSocketHandler}, ahead of Spring for GraphQL's own mapping.
	 * The handshake interceptors Spring for GraphQL sets up (origin check, context
	 * propagation) are kept.
	 */
	public static HandlerMapping webSocket(String path, GraphQlWebSocketHandler handler,
			SubscribeMessageRewriter rewriter) {
		HandshakeHandler handshakeHandler = new DefaultHandshakeHandler();
		WebSocketHttpRequestHandler original = handler.initWebSocketHttpRequestHandler(handshakeHandler);
		WebSocketHttpRequestHandler decorated = new WebSocketHttpRequestHandler(
				new PersistedOperationWebSocketHandler(handler, rewriter), handshakeHandler);
		decorated.setHandshakeInterceptors(original.getHandshakeInterceptors());
		WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
		mapping.setWebSocketUpgradeMatch(true);
		mapping.setUrlMap(Map.of(path, decorated));
		mapping.setOrder(WEB_SOCKET_ORDER);
		return mapping;
	}

}
