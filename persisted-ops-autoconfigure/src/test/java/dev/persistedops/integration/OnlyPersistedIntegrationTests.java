package dev.persistedops.integration;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.persistedops.test.GraphQlTestClient;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only-persisted mode on every transport (HTTP POST, GET, SSE, WebSocket) and its
 * override hook. Each subclass runs it on one web stack.
 */
abstract class OnlyPersistedIntegrationTests {

	static final String SUBSCRIPTION = "subscription { ticks(count: 2) }";

	@LocalServerPort
	int port;

	GraphQlTestClient graphQl;

	@BeforeEach
	void createClient() {
		this.graphQl = new GraphQlTestClient(this.port);
	}

	WebTestClient.ResponseSpec post(Map<String, ?> body, String... headers) {
		return this.graphQl.post(body, headers);
	}

	String postForEvents(Map<String, ?> body, String... headers) {
		return this.graphQl.postForEvents(body, headers);
	}

	List<Map<String, Object>> subscribe(Map<String, Object> payload, String... headers) {
		return this.graphQl.subscribe(payload, headers);
	}

	@Test
	void documentSentOverPostIsRefused() {
		post(Map.of("query", "{ greeting }")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_ONLY")
			.jsonPath("$.errors[0].message")
			.value((message) -> assertThat((String) message).contains("Only persisted operations"));
	}

	@Test
	void documentSentOverGetIsRefused() {
		this.graphQl.get(Map.of("query", "{ greeting }", "extensions", "{}"))
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_ONLY");
	}

	@Test
	void mutationSentAsADocumentIsRefusedAndRunsNothing() {
		int before = increment();
		post(Map.of("query", "mutation { increment }")).expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_ONLY");
		assertThat(increment()).isEqualTo(before + 1);
	}

	/** Run the persisted mutation and return the counter's new value. */
	int increment() {
		Map<?, ?> body = post(Map.of("id", Documents.INCREMENT_ID)).expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (Integer) ((Map<?, ?>) body.get("data")).get("increment");
	}

	@Test
	void documentRunsWhenTheOverrideAllowsTheRequest() {
		post(Map.of("query", "{ greeting(name: \"staff\") }"), TestApplication.OVERRIDE_HEADER, "yes").expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, staff!");
	}

	@Test
	void asynchronousOverrideIsWaitedFor() {
		post(Map.of("query", "{ greeting }"), TestApplication.ASYNC_OVERRIDE_HEADER, "yes").expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, world!");
	}

	@Test
	void overrideThatDeclinesLeavesTheRequestRefused() {
		post(Map.of("query", "{ greeting }"), TestApplication.OVERRIDE_HEADER, "no").expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_ONLY");
	}

	@Test
	void persistedOperationRunsById() {
		post(Map.of("doc_id", Documents.GREETING_ID)).expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, world!");
		this.graphQl.webTestClient()
			.get()
			.uri("/graphql?documentId=sha256:" + Documents.GREETING_SHA256)
			.exchange()
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, world!");
	}

	@Test
	void idWithItsOwnDocumentRunsButAnotherDocumentUnderTheIdIsRefused() {
		post(Map.of("id", Documents.GREETING_ID, "query", Documents.GREETING)).expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, world!");
		post(Map.of("id", Documents.GREETING_ID, "query", "mutation { increment }")).expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_DOCUMENT_MISMATCH");
	}

	@Test
	void documentSentOverSseIsRefused() {
		String events = postForEvents(Map.of("query", SUBSCRIPTION));
		assertThat(events).contains("PERSISTED_QUERY_ONLY").doesNotContain("\"ticks\"");
	}

	@Test
	void refusalReachesAnSseClientThatAcceptsAnyText() {
		String events = this.graphQl.webTestClient()
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.parseMediaType("text/*"))
			.bodyValue(Map.of("query", SUBSCRIPTION))
			.exchange()
			.returnResult(String.class)
			.getResponseBody()
			.collectList()
			.block()
			.toString();
		assertThat(events).contains("PERSISTED_QUERY_ONLY");
	}

	@Test
	void documentSentOverSseRunsWhenTheOverrideAllows() {
		String events = postForEvents(Map.of("query", SUBSCRIPTION), TestApplication.OVERRIDE_HEADER, "yes");
		assertThat(events).contains("\"ticks\":2").doesNotContain("PERSISTED_QUERY_ONLY");
	}

	@Test
	void persistedSubscriptionOverSseRunsById() {
		String events = postForEvents(Map.of("id", Documents.TICKS_ID, "variables", Map.of("count", 2)));
		assertThat(events).contains("\"ticks\":1").contains("\"ticks\":2").doesNotContain("errors");
	}

	@Test
	void unknownIdOverSseIsPersistedQueryNotFound() {
		assertThat(postForEvents(Map.of("doc_id", "unknown"))).contains("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void documentSentOverWebSocketIsRefused() {
		List<Map<String, Object>> messages = subscribe(Map.of("query", SUBSCRIPTION));
		assertThat(messages.toString()).contains("PERSISTED_QUERY_ONLY");
		assertThat(messages).noneMatch((message) -> message.toString().contains("ticks"));
	}

	@Test
	void documentSentOverWebSocketRunsWhenTheOverrideAllowsTheHandshake() {
		List<Map<String, Object>> messages = subscribe(Map.of("query", SUBSCRIPTION), TestApplication.OVERRIDE_HEADER,
				"yes");
		assertThat(messages).extracting((message) -> message.get("type")).containsExactly("next", "next", "complete");
	}

	@Test
	void persistedSubscriptionOverWebSocketRuns() {
		List<Map<String, Object>> messages = subscribe(
				Map.of("documentId", Documents.TICKS_ID, "variables", Map.of("count", 2)));
		assertThat(messages).extracting((message) -> message.get("type")).containsExactly("next", "next", "complete");
	}

}
