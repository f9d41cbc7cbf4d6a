package dev.persistedops.web.servlet;

import dev.persistedops.web.SubscribeMessageRewriter;

import org.springframework.util.Assert;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Decorates Spring for GraphQL's WebSocket handler for Spring MVC so that a {@code subscribe}
 * message may carry an operation id instead of a {@code query}.
 */
public class PersistedOperationWebSocketHandler extends WebSocketHandlerDecorator {

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

}
