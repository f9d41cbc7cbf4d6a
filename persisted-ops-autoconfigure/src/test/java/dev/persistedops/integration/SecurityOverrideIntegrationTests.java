package dev.persistedops.integration;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.persistedops.test.GraphQlTestClient;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code NonPersistedOperationOverride.hasAuthority("ROLE_STAFF")} behind a real Spring
 * Security filter chain that authenticates with HTTP Basic: a staff user may run any
 * document, another user or nobody may not, over HTTP and over WebSocket (the user of the
 * handshake). Each subclass runs it on one web stack, with that stack's filter chain.
 */
abstract class SecurityOverrideIntegrationTests {

	static final String SUBSCRIPTION = "subscription { ticks(count: 2) }";

	@LocalServerPort
	int port;

	GraphQlTestClient graphQl;

	@BeforeEach
	void createClient() {
		this.graphQl = new GraphQlTestClient(this.port);
	}

	static String basic(String user) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":secret").getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void userWithTheAuthorityMayRunADocumentOverHttp() {
		this.graphQl.post(Map.of("query", "{ greeting(name: \"staff\") }"), HttpHeaders.AUTHORIZATION, basic("staff"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, staff!");
	}

	@Test
	void userWithoutTheAuthorityIsRefusedOverHttp() {
		this.graphQl.post(Map.of("query", "{ greeting }"), HttpHeaders.AUTHORIZATION, basic("reader"))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_ONLY");
	}

	@Test
	void anonymousRequestIsRefusedOverHttp() {
		this.graphQl.post(Map.of("query", "{ greeting }"))
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_ONLY");
	}

	@Test
	void userWithTheAuthorityMayRunADocumentOverWebSocket() {
		List<Map<String, Object>> messages = this.graphQl.subscribe(Map.of("query", SUBSCRIPTION),
				HttpHeaders.AUTHORIZATION, basic("staff"));
		assertThat(messages).extracting((message) -> message.get("type")).containsExactly("next", "next", "complete");
	}

	@Test
	void userWithoutTheAuthorityIsRefusedOverWebSocket() {
		List<Map<String, Object>> messages = this.graphQl.subscribe(Map.of("query", SUBSCRIPTION),
				HttpHeaders.AUTHORIZATION, basic("reader"));
		assertThat(messages.toString()).contains("PERSISTED_QUERY_ONLY");
		assertThat(messages).noneMatch((message) -> message.toString().contains("ticks"));
	}

	@Test
	void persistedSubscriptionRunsOverWebSocketForAUserWithoutTheAuthority() {
		List<Map<String, Object>> messages = this.graphQl.subscribe(
				Map.of("id", Documents.TICKS_ID, "variables", Map.of("count", 2)), HttpHeaders.AUTHORIZATION,
				basic("reader"));
		assertThat(messages).extracting((message) -> message.get("type")).containsExactly("next", "next", "complete");
	}

	@Test
	void persistedSubscriptionRunsOverWebSocketForAnonymous() {
		List<Map<String, Object>> messages = this.graphQl
			.subscribe(Map.of("id", Documents.TICKS_ID, "variables", Map.of("count", 2)));
		assertThat(messages).extracting((message) -> message.get("type")).containsExactly("next", "next", "complete");
	}

	@Test
	void persistedDocumentRunsForAnyone() {
		this.graphQl.post(Map.of("id", Documents.GREETING_ID))
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, world!");
	}

}
