package dev.persistedops.integration;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * Speaks the GraphQL over WebSocket protocol ({@code graphql-transport-ws}) at the wire level,
 * so a test can send any {@code subscribe} payload, including ones without a {@code query}.
 */
final class GraphQlWebSocketTestClient {

	private static final JsonMapper json = JsonMapper.shared();

	private final URI uri;

	GraphQlWebSocketTestClient(URI uri) {
		this.uri = uri;
	}

	/**
	 * Open a connection, subscribe with the given payload, and return the messages received
	 * for it (next, error, complete) until it completes, fails or the server closes.
	 */
	List<Map<String, Object>> subscribe(Map<String, Object> payload, HttpHeaders headers) {
		List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
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
						}
						else {
							received.add(message);
						}
					})
					.takeUntil((message) -> "complete".equals(message.get("type"))
							|| "error".equals(message.get("type")))
					.then(Mono.fromRunnable(outbound::tryEmitComplete));
				return Mono.when(send, receive).then(session.close());
			}
		};
		new ReactorNettyWebSocketClient().execute(this.uri, headers, handler).block(Duration.ofSeconds(10));
		return received;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> parse(String text) {
		return json.readValue(text, Map.class);
	}

}
