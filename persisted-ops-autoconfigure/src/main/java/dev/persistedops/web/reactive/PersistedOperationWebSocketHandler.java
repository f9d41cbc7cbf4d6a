package dev.persistedops.web.reactive;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.persistedops.web.SubscribeMessageRewriter;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.util.Assert;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.support.WebSocketUpgradeHandlerPredicate;
import org.springframework.web.server.ServerWebExchange;

/**
 * Decorates Spring for GraphQL's WebSocket handler for WebFlux so that a
 * {@code subscribe} message may carry an operation id instead of a {@code query}.
 */
public class PersistedOperationWebSocketHandler implements WebSocketHandler, CorsConfigurationSource {

	/** Ahead of Spring for GraphQL's WebSocket mapping (-2) and router functions. */
	static final int ORDER = -3;

	private final WebSocketHandler delegate;

	private final SubscribeMessageRewriter rewriter;

	public PersistedOperationWebSocketHandler(WebSocketHandler delegate, SubscribeMessageRewriter rewriter) {
		Assert.notNull(delegate, "delegate is required");
		Assert.notNull(rewriter, "rewriter is required");
		this.delegate = delegate;
		this.rewriter = rewriter;
	}

	@Override
	public List<String> getSubProtocols() {
		return this.delegate.getSubProtocols();
	}

	@Override
	public @Nullable CorsConfiguration getCorsConfiguration(ServerWebExchange exchange) {
		return (this.delegate instanceof CorsConfigurationSource source) ? source.getCorsConfiguration(exchange) : null;
	}

	@Override
	public Mono<Void> handle(WebSocketSession session) {
		return this.delegate.handle(new RewritingSession(session, this.rewriter));
	}

	/**
	 * A session whose incoming text messages pass through the rewriter.
	 */
	private record RewritingSession(WebSocketSession session,
			SubscribeMessageRewriter rewriter) implements WebSocketSession {

		@Override
		public Flux<WebSocketMessage> receive() {
			return this.session.receive().map(this::rewrite);
		}

		private WebSocketMessage rewrite(WebSocketMessage message) {
			if (message.getType() != WebSocketMessage.Type.TEXT) {
				return message;
			}
			String payload = message.getPayloadAsText();
			String rewritten = this.rewriter.rewrite(payload);
			// The original frame is released by the server once this message has been
			// handled.
			return (rewritten != payload) ? this.session.textMessage(rewritten) : message;
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public HandshakeInfo getHandshakeInfo() {
			return this.session.getHandshakeInfo();
		}

		@Override
		public DataBufferFactory bufferFactory() {
			return this.session.bufferFactory();
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.session.getAttributes();
		}

		@Override
		public Mono<Void> send(Publisher<WebSocketMessage> messages) {
			return this.session.send(messages);
		}

		@Override
		public boolean isOpen() {
			return this.session.isOpen();
		}

		@Override
		public Mono<Void> close(CloseStatus status) {
			return this.session.close(status);
		}

		@Override
		public Mono<CloseStatus> closeStatus() {
			return this.session.closeStatus();
		}

		@Override
		public WebSocketMessage textMessage(String payload) {
			return this.session.textMessage(payload);
		}

		@Override
		public WebSocketMessage binaryMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
			return this.session.binaryMessage(payloadFactory);
		}

		@Override
		public WebSocketMessage pingMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
			return this.session.pingMessage(payloadFactory);
		}

		@Override
		public WebSocketMessage pongMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
			return this.session.pongMessage(payloadFactory);
		}

	}

	/**
	 * Map the GraphQL WebSocket path to Spring for GraphQL's handler behind a
	 * {@link PersistedOperationWebSocketHandler}, ahead of Spring for GraphQL's own
	 * mapping.
	 */
	public static HandlerMapping mapping(String path, GraphQlWebSocketHandler handler,
			SubscribeMessageRewriter rewriter) {
		SimpleUrlHandlerMapping mapping = new SimpleUrlHandlerMapping();
		mapping.setHandlerPredicate(new WebSocketUpgradeHandlerPredicate());
		mapping.setUrlMap(Map.of(path, new PersistedOperationWebSocketHandler(handler, rewriter)));
		mapping.setOrder(ORDER);
		return mapping;
	}

}
