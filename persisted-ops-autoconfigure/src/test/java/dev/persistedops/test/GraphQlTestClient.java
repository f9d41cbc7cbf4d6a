package dev.persistedops.test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Talks to a GraphQL endpoint at {@code /graphql} on a local port the way clients do:
 * JSON POST, GET with query parameters, SSE and WebSocket. Headers are given as name,
 * value pairs. Shared with the sample application's tests through this module's test jar.
 */
public final class GraphQlTestClient {

	private final int port;

	private final WebTestClient client;

	public GraphQlTestClient(int port) {
		this.port = port;
		// The JDK's HTTP client, not Reactor Netty's: a test that checks only the status
		// leaves the body unread, and Reactor Netty's client then leaks its buffer, which
		// Netty's leak detector reports at an error level in whatever test runs next.
		this.client = WebTestClient.bindToServer(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + port)
			.build();
	}

	/**
	 * Return the underlying client, for requests the methods here do not cover.
	 */
	public WebTestClient webTestClient() {
		return this.client;
	}

	/**
	 * POST a JSON body (a {@code Map}, or a {@code String} sent as it is) accepting JSON.
	 */
	public WebTestClient.ResponseSpec post(Object body, String... headerNamesAndValues) {
		return this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> headers.addAll(headers(headerNamesAndValues)))
			.bodyValue(body)
			.exchange();
	}

	/**
	 * GET with the given query parameters, encoded as a browser would.
	 */
	public WebTestClient.ResponseSpec get(Map<String, String> parameters) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromUriString("http://localhost:" + this.port + "/graphql");
		parameters.forEach(uri::queryParam);
		return this.client.get().uri(uri.build().encode().toUri()).accept(MediaType.APPLICATION_JSON).exchange();
	}

	/**
	 * POST a JSON body accepting an event stream, and return every event's data.
	 */
	public String postForEvents(Object body, String... headerNamesAndValues) {
		return this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.headers((headers) -> headers.addAll(headers(headerNamesAndValues)))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody()
			.collectList()
			.block()
			.toString();
	}

	/**
	 * Subscribe over WebSocket and return the messages until the subscription ends.
	 * @see GraphQlWebSocketTestClient#subscribe(Map, HttpHeaders)
	 */
	public List<Map<String, Object>> subscribe(Map<String, Object> payload, String... headerNamesAndValues) {
		return webSocket().subscribe(payload, headers(headerNamesAndValues));
	}

	/**
	 * Subscribe over WebSocket to a subscription that does not end.
	 * @see GraphQlWebSocketTestClient#subscribe(Map, HttpHeaders, int, Runnable)
	 */
	public List<Map<String, Object>> subscribe(Map<String, Object> payload, int maxNext, Runnable trigger,
			String... headerNamesAndValues) {
		return webSocket().subscribe(payload, headers(headerNamesAndValues), maxNext, trigger);
	}

	private GraphQlWebSocketTestClient webSocket() {
		return new GraphQlWebSocketTestClient(URI.create("ws://localhost:" + this.port + "/graphql"));
	}

	private static HttpHeaders headers(String... namesAndValues) {
		HttpHeaders headers = new HttpHeaders();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return headers;
	}

}
