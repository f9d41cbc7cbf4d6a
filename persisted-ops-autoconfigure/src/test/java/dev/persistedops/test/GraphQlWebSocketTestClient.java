package dev.persistedops.test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * Speaks the GraphQL over WebSocket protocol ({@code graphql-transport-ws}) at the wire
 * level, so a test can send any {@code subscribe} payload, including ones without a
 * {@code query}. Shared with the sample application's tests through this module's test
 * jar.
 */
public final class GraphQlWebSocketTestClient {

	private static final JsonMapper json = JsonMapper.shared();

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final URI uri;

	public GraphQlWebSocketTestClient(URI uri) {
		this.uri = uri;
	}

	/**
	 * Open a connection, subscribe with the given payload, and return the messages
	 * received for it (next, error, complete) until it completes, fails or the server
	 * closes.
	 */
	public List<Map<String, Object>> subscribe(Map<String, Object> payload, HttpHeaders headers) {
		return subscribe(payload, headers, Integer.MAX_VALUE, () -> {
		});
	}

	/**
	 * Like {@link #subscribe(Map, HttpHeaders)} for a subscription that does not end:
	 * stop after the given number of {@code next} messages. Since the protocol does not
	 * confirm a subscription, the trigger (which should cause an event) runs every 100 ms
	 * until the first message arrives.
	 */
	public List<Map<String, Object>> subscribe(Map<String, Object> payload, HttpHeaders headers, int maxNext,
			Runnable trigger) {
		List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
		AtomicInteger nextCount = new AtomicInteger();
		Sinks.Empty<Void> firstMessage = Sinks.empty();
		Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
		outbound.tryEmitNext(json.writeValueAsString(Map.of("type", "connection_init", "payload", Map.of())));
		String subscribe = json.writeValueAsString(Map.of("id", "1", "type", "subscribe", "payload", payload));
		WebSocketHandler handler = new WebSocketHandler() {

			@Override
			public List<String> getSubProtocols() {
				return List.of("graphql-transport-ws");
			}

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				Mono<Void> send = session.send(outbound.asFlux().map(session::textMessage));
				Mono<Void> receive = session.receive()
					.map(WebSocketMessage::getPayloadAsText)
					.map(GraphQlWebSocketTestClient::parse)
					.doOnNext((message) -> {
						if ("connection_ack".equals(message.get("type"))) {
							outbound.tryEmitNext(subscribe);
							Flux.interval(Duration.ofMillis(100), Schedulers.boundedElastic())
								.take(50)
								.takeUntilOther(firstMessage.asMono())
								// A trigger still running when the first message
								// arrives is interrupted: expected.
								.subscribe((tick) -> trigger.run(), (ex) -> {
								});
							return;
						}
						received.add(message);
						firstMessage.tryEmitEmpty();
						if ("next".equals(message.get("type"))) {
							nextCount.incrementAndGet();
						}
					})
					.takeUntil((message) -> "complete".equals(message.get("type"))
							|| "error".equals(message.get("type")) || nextCount.get() >= maxNext)
					.then(Mono.fromRunnable(outbound::tryEmitComplete));
				return Mono.when(send, receive).then(session.close());
			}
		};
		new ReactorNettyWebSocketClient().execute(this.uri, headers, handler).block(TIMEOUT);
		return received;
	}

	/**
	 * Open a connection, and once it is acknowledged send the given frames as they are
	 * (valid messages or not); return the messages received until the given number has
	 * arrived or the server closed the connection, and how the server closed it, if it
	 * did.
	 */
	public Conversation converse(List<String> frames, int expectedMessages) {
		List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
		AtomicReference<CloseStatus> closedByServer = new AtomicReference<>();
		AtomicBoolean closing = new AtomicBoolean();
		Sinks.Many<String> outbound = Sinks.many().unicast().onBackpressureBuffer();
		outbound.tryEmitNext(json.writeValueAsString(Map.of("type", "connection_init", "payload", Map.of())));
		WebSocketHandler handler = new WebSocketHandler() {

			@Override
			public List<String> getSubProtocols() {
				return List.of("graphql-transport-ws");
			}

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				session.closeStatus().filter((status) -> !closing.get()).subscribe(closedByServer::set);
				Mono<Void> send = session.send(outbound.asFlux().map(session::textMessage));
				Mono<Void> receive = session.receive()
					.map(WebSocketMessage::getPayloadAsText)
					.map(GraphQlWebSocketTestClient::parse)
					.doOnNext((message) -> {
						if ("connection_ack".equals(message.get("type"))) {
							frames.forEach(outbound::tryEmitNext);
						}
						else {
							received.add(message);
						}
					})
					.takeUntil((message) -> {
						// Once done, this client closes: whatever status follows is not
						// the
						// server's doing.
						closing.set(received.size() >= expectedMessages);
						return closing.get();
					})
					.then(Mono.fromRunnable(outbound::tryEmitComplete));
				return Mono.when(send, receive).then(session.close());
			}
		};
		new ReactorNettyWebSocketClient().execute(this.uri, new HttpHeaders(), handler).block(TIMEOUT);
		return new Conversation(received, closedByServer.get());
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(String text) {
		return json.readValue(text, Map.class);
	}

	/**
	 * What happened on a connection.
	 *
	 * @param messages the messages received after the acknowledgement
	 * @param serverCloseStatus how the server closed the connection before the client had
	 * what it expected, or {@code null} if it did not
	 */
	public record Conversation(List<Map<String, Object>> messages, @Nullable CloseStatus serverCloseStatus) {

	}

}
