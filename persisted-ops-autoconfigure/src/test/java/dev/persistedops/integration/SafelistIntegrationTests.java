package dev.persistedops.integration;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.persistedops.integration.TestApplication.ParseCounter;
import dev.persistedops.test.GraphQlTestClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safelist mode on every transport (HTTP POST, GET, SSE, WebSocket): a sent document that
 * is a stored one, whitespace, comments and the order of top-level definitions aside,
 * runs as the stored document; anything else is refused. Each subclass runs it on one web
 * stack.
 */
abstract class SafelistIntegrationTests {

	/** The stored document re-indented, with comments, its fragment first. */
	static final String REFORMATTED = """
			# The fragment comes first here, unlike in the stored document.
			fragment Greeted on Query { greeting(name: $name) }

			query Safelisted($name: String) {
			    # a comment inside
			    ...Greeted     echo(value: 3)
			}
			""";

	/** The stored document with one field more: not the same operation. */
	static final String ONE_FIELD_MORE = """
			fragment Greeted on Query { greeting(name: $name) }
			query Safelisted($name: String) { ...Greeted echo(value: 3) again: echo(value: 4) }
			""";

	static final String TICKS_REFORMATTED = "subscription Ticks($count: Int!) { # two ticks\n ticks(count: $count) }";

	@LocalServerPort
	int port;

	@Autowired
	ParseCounter parseCounter;

	@Autowired
	MeterRegistry meterRegistry;

	GraphQlTestClient graphQl;

	@BeforeEach
	void createClient() {
		this.graphQl = new GraphQlTestClient(this.port);
	}

	@Test
	void reformattedStoredDocumentRunsOverPostAsTheStoredDocumentParsedAtStartup() {
		double before = count("safelisted", "http");
		for (int i = 0; i < 25; i++) {
			String variant = REFORMATTED + "# request " + i + "\n";
			this.graphQl.post(Map.of("query", variant, "variables", Map.of("name", "list")))
				.expectBody()
				.jsonPath("$.data.greeting")
				.isEqualTo("Hello, list!")
				.jsonPath("$.data.echo")
				.isEqualTo(3);
			assertThat(this.parseCounter.parsesOf(variant)).isZero();
		}
		// The stored document was parsed and validated at startup, before any request.
		assertThat(this.parseCounter.parsesOf(Documents.SAFELISTED)).isZero();
		assertThat(count("safelisted", "http") - before).isEqualTo(25);
	}

	@Test
	void reformattedStoredDocumentRunsOverGet() {
		this.graphQl.get(Map.of("query", REFORMATTED, "variables", "{\"name\":\"get\"}", "extensions", "{}"))
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, get!");
	}

	@Test
	void reformattedStoredSubscriptionStreamsOverSse() {
		String events = this.graphQl.postForEvents(Map.of("query", TICKS_REFORMATTED, "variables", Map.of("count", 2)));
		assertThat(events).contains("{\"data\":{\"ticks\":1}}").contains("{\"data\":{\"ticks\":2}}");
	}

	@Test
	void reformattedStoredSubscriptionStreamsOverWebSocket() {
		List<Map<String, Object>> messages = this.graphQl
			.subscribe(Map.of("query", TICKS_REFORMATTED, "variables", Map.of("count", 2)));
		assertThat(messages).extracting((message) -> message.get("type")).containsExactly("next", "next", "complete");
	}

	@Test
	void documentThatDiffersByOneFieldIsRefusedOverPost() {
		this.graphQl.post(Map.of("query", ONE_FIELD_MORE))
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_ONLY");
	}

	@Test
	void documentThatDiffersByOneFieldIsRefusedOverGet() {
		this.graphQl.get(Map.of("query", ONE_FIELD_MORE, "extensions", "{}"))
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_ONLY");
	}

	@Test
	void documentThatDiffersByOneFieldIsRefusedOverSse() {
		String events = this.graphQl
			.postForEvents(Map.of("query", "subscription { ticks(count: 2) again: ticks(count: 3) }"));
		assertThat(events).contains("PERSISTED_QUERY_ONLY").doesNotContain("\"ticks\":1");
	}

	@Test
	void documentThatDiffersByOneFieldIsRefusedOverWebSocket() {
		List<Map<String, Object>> messages = this.graphQl
			.subscribe(Map.of("query", "subscription Ticks($count: Int!) { ticks(count: $count) x: ticks(count: 1) }",
					"variables", Map.of("count", 2)));
		assertThat(messages.toString()).contains("PERSISTED_QUERY_ONLY");
		assertThat(messages).noneMatch((message) -> message.toString().contains("ticks"));
	}

	@Test
	void overrideStillAllowsADocumentThatMatchesNothing() {
		this.graphQl.post(Map.of("query", "{ echo(value: 42) }"), TestApplication.OVERRIDE_HEADER, "yes")
			.expectBody()
			.jsonPath("$.data.echo")
			.isEqualTo(42);
	}

	@Test
	void idsRunAsAlways() {
		this.graphQl.post(Map.of("id", Documents.GREETING_ID))
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, world!");
	}

	double count(String outcome, String transport) {
		return this.meterRegistry.find("persisted.operations")
			.tags("outcome", outcome, "transport", transport)
			.counters()
			.stream()
			.mapToDouble((counter) -> counter.count())
			.sum();
	}

}
