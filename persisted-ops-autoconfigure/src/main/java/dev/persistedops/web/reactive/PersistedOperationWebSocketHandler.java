package dev.persistedops.web.reactive;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import dev.persistedops.web.SubscribeMessageRewriter;
import dev.persistedops.web.SubscribeMessageRewriter.Answer;
import dev.persistedops.web.SubscribeMessageRewriter.Close;
import dev.persistedops.web.SubscribeMessageRewriter.Forward;
import dev.persistedops.web.SubscribeMessageRewriter.Verdict;

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
 * {@code subscribe} message may carry an operation id instead of a {@code query}, and so
 * that a message Spring for GraphQL could not read is answered as the
 * {@link SubscribeMessageRewriter} decides instead of failing the connection.
 */
public class PersistedOperationWebSocketHandler implements WebSocketHandler, CorsConfigurationSource {

	/** Ahead of Spring for GraphQL's WebSocket mapping (-2) and router functions. */
	static final int ORDER = -3;

	private static final Log logger = LogFactory.getLog(PersistedOperationWebSocketHandler.class);

	private static final Duration EMIT_TIMEOUT = Duration.ofSeconds(1);

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
		return this.delegate
			.handle(new RewritingSession(session, this.rewriter, Sinks.many().unicast().onBackpressureBuffer()));
	}

	/**
	 * A session whose incoming text messages pass through the rewriter; the answers to
	 * refused messages join the messages Spring for GraphQL sends.
	 */
	private record RewritingSession(WebSocketSession session, SubscribeMessageRewriter rewriter,
			Sinks.Many<WebSocketMessage> answers) implements WebSocketSession {

		@Override
		public Flux<WebSocketMessage> receive() {
			return this.session.receive()
				.concatMap(this::check)
				.doFinally((signal) -> this.answers.emitComplete(Sinks.EmitFailureHandler.busyLooping(EMIT_TIMEOUT)));
		}

		private Mono<WebSocketMessage> check(WebSocketMessage message) {
			if (message.getType() != WebSocketMessage.Type.TEXT) {
				return Mono.just(message);
			}
			String payload = message.getPayloadAsText();
			Verdict verdict = this.rewriter.check(payload);
			// The original frame is released by the server once this message has been
			// handled.
			if (verdict instanceof Forward forward) {
				return Mono
					.just((forward.message() != payload) ? this.session.textMessage(forward.message()) : message);
			}
			if (verdict instanceof Answer answer) {
				logger.debug("Refused subscribe message " + answer.id() + " of WebSocket session " + getId());
				this.answers.emitNext(this.session.textMessage(answer.message()),
						Sinks.EmitFailureHandler.busyLooping(EMIT_TIMEOUT));
				return Mono.empty();
			}
			Close close = (Close) verdict;
			logger.debug("Closing WebSocket session " + getId() + ": " + close.reason());
			return this.session.close(new CloseStatus(close.code(), close.reason())).then(Mono.empty());
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
			return this.session.send(Flux.merge(messages, this.answers.asFlux()));
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
