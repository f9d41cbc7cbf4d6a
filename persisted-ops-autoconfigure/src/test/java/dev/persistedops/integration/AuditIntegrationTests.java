package dev.persistedops.integration;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.persistedops.test.GraphQlTestClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Audit mode on every transport (HTTP POST, GET, SSE, WebSocket): every document runs,
 * and each one that was not persisted is logged, at most once per interval, and counted.
 * Each subclass runs it on one web stack.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class AuditIntegrationTests {

	private static final String AUDIT_LINE = "Ran a document that is not persisted (audit)";

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meterRegistry;

	GraphQlTestClient graphQl;

	@BeforeEach
	void createClient() {
		this.graphQl = new GraphQlTestClient(this.port);
	}

	@Test
	void sentDocumentRunsAndOneLineAndOneCountNameIt(CapturedOutput output) {
		double before = count("audited", "http");
		this.graphQl
			.post(Map.of("query", "query AuditedOnce { greeting(name: \"audit\") }"), "apollographql-client-name",
					"ios-app", "apollographql-client-version", "4.2.0")
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, audit!");
		assertThat(count("audited", "http") - before).isEqualTo(1);
		assertThat(lines(output, "'AuditedOnce'")).singleElement()
			.satisfies((line) -> assertThat(line).contains("operation 'AuditedOnce' (query)")
				.contains("sha256 ")
				.contains("client 'ios-app 4.2.0'")
				.contains("over http")
				.doesNotContain("greeting(name"));
	}

	@Test
	void thousandRepeatsOfOneDocumentLogOneLineAndCountEveryRun(CapturedOutput output) {
		double before = count("audited", "http");
		for (int i = 0; i < 1_000; i++) {
			this.graphQl.post(Map.of("query", "query Repeated { echo(value: 1) }"))
				.expectBody()
				.jsonPath("$.data.echo")
				.isEqualTo(1);
		}
		assertThat(lines(output, "'Repeated'")).hasSize(1);
		assertThat(count("audited", "http") - before).isEqualTo(1_000);
	}

	@Test
	void documentSentOverGetRunsAndIsReported(CapturedOutput output) {
		this.graphQl.get(Map.of("query", "query AuditedGet { echo(value: 2) }", "extensions", "{}"))
			.expectBody()
			.jsonPath("$.data.echo")
			.isEqualTo(2);
		assertThat(lines(output, "'AuditedGet'")).singleElement()
			.satisfies((line) -> assertThat(line).contains("over get").contains("client unknown"));
	}

	@Test
	void subscriptionSentOverSseRunsAndIsReported(CapturedOutput output) {
		String events = this.graphQl.postForEvents(Map.of("query", "subscription AuditedSse { ticks(count: 2) }"));
		assertThat(events).contains("\"ticks\":2");
		assertThat(lines(output, "'AuditedSse'")).singleElement()
			.satisfies((line) -> assertThat(line).contains("(subscription)").contains("over sse"));
	}

	@Test
	void subscriptionSentOverWebSocketRunsAndIsReported(CapturedOutput output) {
		List<Map<String, Object>> messages = this.graphQl
			.subscribe(Map.of("query", "subscription AuditedSocket { ticks(count: 2) }"), "graphql-client-name", "web");
		assertThat(messages).extracting((message) -> message.get("type")).containsExactly("next", "next", "complete");
		assertThat(lines(output, "'AuditedSocket'")).singleElement()
			.satisfies((line) -> assertThat(line).contains("over websocket").contains("client 'web'"));
	}

	@Test
	void persistedDocumentIsNotReported(CapturedOutput output) {
		double before = count("audited", "http");
		this.graphQl.post(Map.of("id", Documents.ECHO_ID, "variables", Map.of("value", 5)))
			.expectBody()
			.jsonPath("$.data.echo")
			.isEqualTo(5);
		assertThat(count("audited", "http")).isEqualTo(before);
		assertThat(count("persisted", "http")).isPositive();
	}

	private static List<String> lines(CapturedOutput output, String operation) {
		return output.getAll().lines().filter((line) -> line.contains(AUDIT_LINE) && line.contains(operation)).toList();
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
