package dev.persistedops.web;

import java.net.InetSocketAddress;
import java.net.URI;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Transport}.
 */
class TransportTests {

	private static final URI URL = URI.create("http://localhost/graphql");

	private static final Map<String, Object> BODY = Map.of("query", "{ greeting }");

	@Test
	void postWithoutMarksIsHttp() {
		assertThat(Transport.of(request(new HttpHeaders(), Map.of()))).isEqualTo(Transport.HTTP);
		assertThat(Transport.of(accepting(MediaType.APPLICATION_JSON))).isEqualTo(Transport.HTTP);
		assertThat(Transport.of(accepting(MediaType.parseMediaType("application/graphql-response+json"))))
			.isEqualTo(Transport.HTTP);
	}

	@Test
	void requestMarkedAsGetIsGet() {
		assertThat(Transport.of(request(new HttpHeaders(), Map.of(TransportAttributes.GET, true))))
			.isEqualTo(Transport.GET);
	}

	@Test
	void getMarkWinsOverAnAcceptedEventStream() {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.TEXT_EVENT_STREAM));
		assertThat(Transport.of(request(headers, Map.of(TransportAttributes.GET, true)))).isEqualTo(Transport.GET);
	}

	@Test
	void requestMarkedAsEventStreamIsSse() {
		assertThat(Transport.of(request(new HttpHeaders(), Map.of(TransportAttributes.EVENT_STREAM, true))))
			.isEqualTo(Transport.SSE);
		HttpHeaders acceptingJson = new HttpHeaders();
		acceptingJson.setAccept(List.of(MediaType.APPLICATION_JSON));
		assertThat(Transport.of(request(acceptingJson, Map.of(TransportAttributes.EVENT_STREAM, true))))
			.isEqualTo(Transport.SSE);
	}

	@Test
	void unmarkedRequestAcceptingOnlyAnEventStreamIsSse() {
		assertThat(Transport.of(accepting(MediaType.TEXT_EVENT_STREAM))).isEqualTo(Transport.SSE);
		assertThat(Transport.of(accepting(MediaType.parseMediaType("text/event-stream;charset=UTF-8"))))
			.isEqualTo(Transport.SSE);
		assertThat(Transport.of(accepting(MediaType.TEXT_EVENT_STREAM, MediaType.TEXT_PLAIN))).isEqualTo(Transport.SSE);
	}

	@Test
	void unmarkedRequestAcceptingAnEventStreamAndJsonIsHttp() {
		assertThat(Transport.of(accepting(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_JSON)))
			.isEqualTo(Transport.HTTP);
		assertThat(Transport.of(accepting(MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM)))
			.isEqualTo(Transport.HTTP);
		assertThat(Transport
			.of(accepting(MediaType.TEXT_EVENT_STREAM, MediaType.parseMediaType("application/graphql-response+json"))))
			.isEqualTo(Transport.HTTP);
		assertThat(Transport.of(accepting(MediaType.TEXT_EVENT_STREAM, MediaType.ALL))).isEqualTo(Transport.HTTP);
	}

	@Test
	void webSocketRequestIsWebSocket() {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.TEXT_EVENT_STREAM));
		WebSocketGraphQlRequest request = new WebSocketGraphQlRequest(URL, headers, null, null,
				new HashMap<>(Map.of(TransportAttributes.GET, true)), BODY, "1", null, new SessionInfo());
		assertThat(Transport.of(request)).isEqualTo(Transport.WEBSOCKET);
	}

	@Test
	void tagValuesAreLowerCase() {
		assertThat(Transport.HTTP.tagValue()).isEqualTo("http");
		assertThat(Transport.GET.tagValue()).isEqualTo("get");
		assertThat(Transport.SSE.tagValue()).isEqualTo("sse");
		assertThat(Transport.WEBSOCKET.tagValue()).isEqualTo("websocket");
	}

	private static WebGraphQlRequest accepting(MediaType... types) {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(types));
		return request(headers, Map.of());
	}

	private static WebGraphQlRequest request(HttpHeaders headers, Map<String, Object> attributes) {
		return new WebGraphQlRequest(URL, headers, null, null, new HashMap<>(attributes), BODY, "1", null);
	}

	private static final class SessionInfo implements WebSocketSessionInfo {

		@Override
		public String getId() {
			return "session";
		}

		@Override
		public Map<String, Object> getAttributes() {
			return Map.of();
		}

		@Override
		public URI getUri() {
			return URL;
		}

		@Override
		public HttpHeaders getHeaders() {
			return new HttpHeaders();
		}

		@Override
		public Mono<Principal> getPrincipal() {
			return Mono.empty();
		}

		@Override
		public InetSocketAddress getRemoteAddress() {
			return InetSocketAddress.createUnresolved("localhost", 0);
		}

	}

}
