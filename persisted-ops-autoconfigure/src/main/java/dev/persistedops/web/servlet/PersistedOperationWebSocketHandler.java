package dev.persistedops.web.servlet;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.persistedops.web.SubscribeMessageRewriter;
import dev.persistedops.web.SubscribeMessageRewriter.Answer;
import dev.persistedops.web.SubscribeMessageRewriter.Close;
import dev.persistedops.web.SubscribeMessageRewriter.Forward;
import dev.persistedops.web.SubscribeMessageRewriter.Verdict;

import org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler;
import org.springframework.util.Assert;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;
import org.springframework.web.socket.handler.WebSocketSessionDecorator;
import org.springframework.web.socket.server.HandshakeHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;
import org.springframework.web.socket.server.support.WebSocketHandlerMapping;
import org.springframework.web.socket.server.support.WebSocketHttpRequestHandler;

/**
 * Decorates Spring for GraphQL's WebSocket handler for Spring MVC so that a
 * {@code subscribe} message may carry an operation id instead of a {@code query}, and so
 * that a message Spring for GraphQL could not read is answered as the
 * {@link SubscribeMessageRewriter} decides instead of failing the connection.
 */
public class PersistedOperationWebSocketHandler extends WebSocketHandlerDecorator {

	/** Ahead of Spring for GraphQL's WebSocket mapping (-2) and router functions. */
	static final int ORDER = -3;

	private static final Log logger = LogFactory.getLog(PersistedOperationWebSocketHandler.class);

	private final SubscribeMessageRewriter rewriter;

	private final Map<String, WebSocketSession> sessions = new ConcurrentHashMap<>();

	public PersistedOperationWebSocketHandler(WebSocketHandler delegate, SubscribeMessageRewriter rewriter) {
		super(delegate);
		Assert.notNull(rewriter, "rewriter is required");
		this.rewriter = rewriter;
	}

	@Override
	public void afterConnectionEstablished(WebSocketSession session) throws Exception {
		// Spring for GraphQL sends from a thread of its own; our answers must not
		// interleave with its messages.
		WebSocketSession serialized = new SerializedSendSession(session);
		this.sessions.put(session.getId(), serialized);
		super.afterConnectionEstablished(serialized);
	}

	@Override
	public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
		WebSocketSession target = this.sessions.getOrDefault(session.getId(), session);
		if (!(message instanceof TextMessage text)) {
			super.handleMessage(target, message);
			return;
		}
		String payload = text.getPayload();
		Verdict verdict = this.rewriter.check(payload);
		if (verdict instanceof Forward forward) {
			String rewritten = forward.message();
			super.handleMessage(target, (rewritten != payload) ? new TextMessage(rewritten, text.isLast()) : message);
		}
		else if (verdict instanceof Answer answer) {
			logger.debug("Refused subscribe message " + answer.id() + " of WebSocket session " + session.getId());
			target.sendMessage(new TextMessage(answer.message()));
		}
		else if (verdict instanceof Close close) {
			logger.debug("Closing WebSocket session " + session.getId() + ": " + close.reason());
			target.close(new CloseStatus(close.code(), close.reason()));
		}
	}

	@Override
	public void handleTransportError(WebSocketSession session, Throwable exception) throws Exception {
		super.handleTransportError(this.sessions.getOrDefault(session.getId(), session), exception);
	}

	@Override
	public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
		WebSocketSession serialized = this.sessions.remove(session.getId());
		super.afterConnectionClosed((serialized != null) ? serialized : session, closeStatus);
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

	/**
	 * A session whose sends do not overlap: the servlet container refuses a message sent
	 * while another is being sent.
	 */
	private static final class SerializedSendSession extends WebSocketSessionDecorator {

		SerializedSendSession(WebSocketSession session) {
			super(session);
		}

		@Override
		public synchronized void sendMessage(WebSocketMessage<?> message) throws IOException {
			super.sendMessage(message);
		}

	}

}
