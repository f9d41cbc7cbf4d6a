package dev.persistedops.web.servlet;

import java.util.Map;

import dev.persistedops.web.SubscribeMessageRewriter;

import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.util.Assert;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.server.HandshakeHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * Decorates Spring for GraphQL's WebSocket handler for Spring MVC so that a
 * {@code subscribe} message may carry an operation id instead of a {@code query}.
 */
public class PersistedOperationWebSocketHandler extends WebSocketHandlerDecorator {

	/** Ahead of Spring for GraphQL's WebSocket mapping (-2) and router functions. */
	static final int ORDER = -3;

	private final SubscribeMessageRewriter rewriter;

	public PersistedOperationWebSocketHandler(WebSocketHandler delegate, SubscribeMessageRewriter rewriter) {
		super(delegate);
		Assert.notNull(rewriter, "rewriter is required");
		this.rewriter = rewriter;
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
		if (message instanceof TextMessage text) {
			String payload = text.getPayload();
			String rewritten = this.rewriter.rewrite(payload);
			super.handleMessage(session, (rewritten != payload) ? new TextMessage(rewritten, text.isLast()) : message);
			return;
		}
		super.handleMessage(session, message);
	}

	/**
	 * Map the GraphQL WebSocket path to Spring for GraphQL's handler behind a
	 * {@link PersistedOperationWebSocketHandler}, ahead of Spring for GraphQL's own
	 * mapping. The handshake interceptors Spring for GraphQL sets up (origin check,
	 * context propagation) are kept.
	 */
	public static HandlerMapping mapping(String path, GraphQlWebSocketHandler handler,
			SubscribeMessageRewriter rewriter) {
		HandshakeHandler handshakeHandler = new DefaultHandshakeHandler();
		WebSocketHttpRequestHandler original = handler.initWebSocketHttpRequestHandler(handshakeHandler);
		WebSocketHttpRequestHandler decorated = new WebSocketHttpRequestHandler(
				new PersistedOperationWebSocketHandler(handler, rewriter), handshakeHandler);
		decorated.setHandshakeInterceptors(original.getHandshakeInterceptors());
		WebSocketHandlerMapping mapping = new WebSocketHandlerMapping();
		mapping.setWebSocketUpgradeMatch(true);
		mapping.setUrlMap(Map.of(path, decorated));
		mapping.setOrder(ORDER);
		return mapping;
	}

}
