package dev.persistedops.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.persistedops.publish.OperationStoreAuthenticator;
import dev.persistedops.test.GraphQlTestClient;
import dev.persistedops.test.RedisTestServer;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publishing endpoints over real HTTP: relay-compiler's persist endpoint and
 * graphql-ruby-client's sync endpoint, storing into a real Redis (they need a shared
 * store). Each subclass runs them on one web stack, under a key prefix of its own.
 */
abstract class PublishingEndpointsIntegrationTests {

	private static final RedisTestServer redis = RedisTestServer.launch();

	@DynamicPropertySource
	static void redisProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", redis::host);
		registry.add("spring.data.redis.port", redis::port);
	}

	static final String PROPERTIES_RELAY_TOKEN = "persisted-ops.relay.token=build-token";

	static final String SECRET = "ios-secret-2";

	@LocalServerPort
	int port;

	GraphQlTestClient graphQl;

	@BeforeEach
	void createClient() {
		this.graphQl = new GraphQlTestClient(this.port);
	}

	static String md5(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	WebTestClient.ResponseSpec persist(String form, String... tokenHeader) {
		return this.graphQl.webTestClient()
			.post()
			.uri("/persisted-operations/relay")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.headers((headers) -> {
				if (tokenHeader.length == 2) {
					headers.add(tokenHeader[0], tokenHeader[1]);
				}
			})
			.bodyValue(form)
			.exchange();
	}

	static String text(String text) {
		return "text=" + UriUtils.encodeQueryParam(text, StandardCharsets.UTF_8);
	}

	WebTestClient.ResponseSpec sync(String body, String authorization) {
		return this.graphQl.webTestClient()
			.post()
			.uri("/persisted-operations/sync")
			.contentType(MediaType.APPLICATION_JSON)
			.headers((headers) -> {
				if (authorization != null) {
					headers.add("Authorization", authorization);
				}
			})
			.bodyValue(body.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	static String signed(String client, String secret, String body) {
		return "GraphQL::Pro " + client + " "
				+ OperationStoreAuthenticator.sign(secret, body.getBytes(StandardCharsets.UTF_8));
	}

	static String operations(String alias, String body) {
		return "{\"operations\":[{\"name\":\"Op\",\"body\":" + quote(body) + ",\"alias\":\"" + alias + "\"}]}";
	}

	static String quote(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	// ---- What the persistedoperations endpoint says of published operations

	@Test
	void publishedOperationsAreListedAsPublishingWithTheirUse() {
		String operation = "query PublishedListed {\n  greeting(name: \"listed\")\n}\n";
		String id = md5(operation);
		persist("clientid=web&" + text(operation), "X-Persist-Token", "build-token").expectStatus().isOk();
		assertThat(listed(id)).containsEntry("source", "publishing").containsEntry("useCount", 0);
		this.graphQl.post(Map.of("doc_id", id)).expectBody().jsonPath("$.data.greeting").isEqualTo("Hello, listed!");
		assertThat(listed(id)).containsEntry("source", "publishing").containsEntry("useCount", 1);
		this.graphQl.webTestClient()
			.get()
			.uri("/actuator/persistedoperations/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.text")
			.isEqualTo(operation)
			.jsonPath("$.operationName")
			.isEqualTo("PublishedListed");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> listed(String id) {
		Map<String, Object> body = this.graphQl.webTestClient()
			.get()
			.uri("/actuator/persistedoperations")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		assertThat(body).containsEntry("source", "redis").containsEntry("listable", false);
		return ((List<Map<String, Object>>) body.get("operations")).stream()
			.filter((operation) -> id.equals(operation.get("id")))
			.findFirst()
			.orElseThrow();
	}

	// ---- Relay persist endpoint

	@Test
	void relayPersistStoresTheOperationUnderTheMd5OfItsTextAndItRunsByDocId() {
		String operation = "query RelayPersisted {\n  greeting(name: \"relay\")\n}\n";
		persist("clientid=web&" + text(operation), "X-Persist-Token", "build-token").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(md5(operation));
		this.graphQl.post(Map.of("doc_id", md5(operation)))
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, relay!");
	}

	@Test
	void relayPersistOfAnInvalidOperationAnswersTheSchemasMessageAndStoresNothing() {
		String operation = "query RelayInvalid { noSuchField }";
		persist(text(operation), "X-Persist-Token", "build-token").expectBody()
			.jsonPath("$.error.message")
			.value((message) -> org.assertj.core.api.Assertions.assertThat((String) message).contains("noSuchField"))
			.jsonPath("$.id")
			.doesNotExist();
		this.graphQl.post(Map.of("doc_id", md5(operation)))
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void relayPersistWithAnEmptyTextIsRefused() {
		persist("text=", "X-Persist-Token", "build-token").expectBody().jsonPath("$.error.message").isNotEmpty();
		persist("other=1", "X-Persist-Token", "build-token").expectBody().jsonPath("$.error.message").isNotEmpty();
	}

	@Test
	void relayPersistWithoutTheTokenIsRefusedAndStoresNothing() {
		String operation = "query RelayNoToken { greeting }";
		persist(text(operation)).expectStatus().isUnauthorized().expectBody().jsonPath("$.error.message").isNotEmpty();
		persist(text(operation), "X-Persist-Token", "wrong").expectStatus().isUnauthorized();
		this.graphQl.post(Map.of("doc_id", md5(operation)))
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void relayPersistOfAnOversizedBodyIsRefused() {
		persist(text("query Big { greeting }" + " ".repeat(300 * 1024)), "X-Persist-Token", "build-token")
			.expectStatus()
			.isEqualTo(413)
			.expectBody()
			.jsonPath("$.error.message")
			.isNotEmpty();
	}

	// ---- OperationStore sync endpoint

	@Test
	void syncAddsThenReportsNotModifiedAndTheOperationRunsByOperationId() {
		String operation = "query SyncAdded { greeting(name: \"ruby\") }";
		String alias = md5(operation);
		String body = operations(alias, operation);
		sync(body, signed("ios", SECRET, body)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.added[0]")
			.isEqualTo(alias)
			.jsonPath("$.not_modified")
			.isEmpty()
			.jsonPath("$.failed")
			.isEmpty()
			.jsonPath("$.errors")
			.isEmpty();
		sync(body, signed("ios", SECRET, body)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.not_modified[0]")
			.isEqualTo(alias);
		this.graphQl.post(Map.of("operationId", "ios/" + alias))
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, ruby!");
	}

	@Test
	void syncOfADifferentBodyUnderAnExistingAliasFails() {
		String first = "query SyncFirst { greeting }";
		String body = operations("taken", first);
		sync(body, signed("ios", SECRET, body)).expectStatus().isOk();
		String other = operations("taken", "query SyncOther { echo(value: 1) }");
		sync(other, signed("ios", SECRET, other)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.failed[0]")
			.isEqualTo("taken")
			.jsonPath("$.errors.taken[0]")
			.isNotEmpty();
		this.graphQl.post(Map.of("operationId", "ios/taken"))
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, world!");
	}

	@Test
	void syncReportsAnInvalidOperationUnderItsAliasWithTheSchemasMessage() {
		String body = operations("broken", "query SyncBroken { noSuchField }");
		sync(body, signed("ios", SECRET, body)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.failed[0]")
			.isEqualTo("broken")
			.jsonPath("$.errors.broken[0]")
			.value((message) -> org.assertj.core.api.Assertions.assertThat((String) message).contains("noSuchField"));
		this.graphQl.post(Map.of("operationId", "ios/broken"))
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void syncWithAWrongMissingOrMalformedSignatureIsRefusedAndStoresNothing() {
		String body = operations("unsigned", "query SyncUnsigned { greeting }");
		sync(body, signed("ios", "wrong-secret", body)).expectStatus().isUnauthorized();
		sync(body, null).expectStatus().isUnauthorized();
		sync(body, "GraphQL::Pro ios").expectStatus().isUnauthorized();
		sync(body, "Basic aW9zOnNlY3JldA==").expectStatus().isUnauthorized();
		sync(body, signed("android", SECRET, body)).expectStatus().isUnauthorized();
		String altered = operations("unsigned", "query SyncUnsigned { echo(value: 2) }");
		sync(altered, signed("ios", SECRET, body)).expectStatus().isUnauthorized();
		this.graphQl.post(Map.of("operationId", "ios/unsigned"))
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void syncAcceptsEitherOfTheClientsSecrets() {
		String body = operations("rotated", "query SyncRotated { greeting }");
		sync(body, signed("ios", "ios-secret-1", body)).expectStatus().isOk();
	}

	@Test
	void syncOfAnOversizedBodyIsRefused() {
		String body = operations("huge", "query Huge { greeting }" + " ".repeat(2 * 1024 * 1024));
		sync(body, signed("ios", SECRET, body)).expectStatus().isEqualTo(413);
	}

	@Test
	void syncOfMalformedJsonIsABadRequest() {
		String body = "{\"operations\": [";
		sync(body, signed("ios", SECRET, body)).expectStatus().isBadRequest();
		String notOperations = "{\"payload\":[1,2,3]}";
		sync(notOperations, signed("ios", SECRET, notOperations)).expectStatus().isBadRequest();
	}

	@Test
	void syncWithAnAliasThatIsNotAValidIdFails() {
		String body = operations("../escape", "query SyncEscape { greeting }");
		sync(body, signed("ios", SECRET, body)).expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.failed[0]")
			.isEqualTo("../escape");
	}

}
