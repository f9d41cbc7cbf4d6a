package dev.persistedops.integration;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.persistedops.test.GraphQlTestClient;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Per-operation URLs ({@code persisted-ops.http.operation-urls.enabled=true}): the id in
 * the path, the rest of the request as GET parameters or a POST body. Each subclass runs
 * them on one web stack.
 */
abstract class OperationUrlsIntegrationTests {

	@LocalServerPort
	int port;

	WebTestClient client;

	@BeforeEach
	void createClient() {
		this.client = new GraphQlTestClient(this.port).webTestClient();
	}

	private WebTestClient.ResponseSpec get(String uri) {
		return this.client.get()
			.uri(URI.create("http://localhost:" + this.port + uri))
			.accept(MediaType.APPLICATION_JSON)
			.exchange();
	}

	private WebTestClient.ResponseSpec post(String uri, Object body) {
		return this.client.post()
			.uri(URI.create("http://localhost:" + this.port + uri))
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}

	@Test
	void getOnThePersistedUrlRunsTheStoredQuery() {
		PersistedOperationsIntegrationTests.assertGreeting(
				get("/graphql/persisted/" + Documents.GREETING_ID + "?variables=%7B%22name%22%3A%22URL%22%7D"),
				"Hello, URL!");
	}

	@Test
	void postOnThePersistedUrlRunsTheStoredQuery() {
		PersistedOperationsIntegrationTests.assertGreeting(
				post("/graphql/persisted/" + Documents.GREETING_ID, Map.of("variables", Map.of("name", "POST"))),
				"Hello, POST!");
	}

	@Test
	void namespacedIdKeepsItsSlashOnThePersistedUrl() {
		PersistedOperationsIntegrationTests.assertGreeting(get("/graphql/persisted/" + Documents.GREETING_NAMESPACED),
				"Hello, world!");
	}

	@Test
	void getOnTheGraphQlOverHttpUrlRunsTheNamedOperation() {
		PersistedOperationsIntegrationTests.assertGreeting(get(
				"/graphql/sha256:" + Documents.GREETING_SHA256 + "/Greeting?variables=%7B%22name%22%3A%22Ada%22%7D"),
				"Hello, Ada!");
	}

	@Test
	void postOnTheGraphQlOverHttpUrlWithoutOperationNameRunsTheDocument() {
		PersistedOperationsIntegrationTests.assertGreeting(
				post("/graphql/sha256:" + Documents.GREETING_SHA256, Map.of("variables", Map.of("name", "Grace"))),
				"Hello, Grace!");
	}

	@Test
	void operationNameOfTheUrlSelectsTheOperation() {
		get("/graphql/sha256:" + Documents.GREETING_SHA256 + "/Other").expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		post("/graphql/sha256:" + Documents.GREETING_SHA256 + "/Other", Map.of()).expectBody()
			.jsonPath("$.errors[0].message")
			.value((message) -> org.assertj.core.api.Assertions.assertThat((String) message).contains("Other"));
	}

	@Test
	void operationNameThatDiffersFromTheUrlsIs400() {
		post("/graphql/sha256:" + Documents.GREETING_SHA256 + "/Greeting", Map.of("operationName", "Other"))
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("BAD_REQUEST");
	}

	@Test
	void idInTheBodyThatDiffersFromTheUrlsIsRefused() {
		PersistedOperationsIntegrationTests.assertError(
				post("/graphql/persisted/" + Documents.GREETING_ID, Map.of("id", Documents.ECHO_ID)),
				"PERSISTED_QUERY_ID_INVALID");
	}

	@Test
	void unknownIdOnAPersistedUrlIsPersistedQueryNotFound() {
		PersistedOperationsIntegrationTests.assertError(get("/graphql/persisted/0123456789abcdef0123456789abcdef"),
				"PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void mutationOverGetOnAPersistedUrlIs405() {
		get("/graphql/persisted/" + Documents.INCREMENT_ID).expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST");
	}

	@Test
	void mutationOverPostOnAPersistedUrlRuns() {
		post("/graphql/persisted/" + Documents.INCREMENT_ID, Map.of()).expectBody()
			.jsonPath("$.data.increment")
			.isNumber();
	}

	@Test
	void persistedGetOnAUrlGetsCacheHeaders() {
		get("/graphql/persisted/" + Documents.GREETING_ID).expectHeader()
			.valueEquals(HttpHeaders.CACHE_CONTROL, "public, max-age=60")
			.expectHeader()
			.exists(HttpHeaders.ETAG);
	}

	@Test
	void pathsBesideTheGraphQlPathThatAreNotOperationUrlsAreLeftAlone() {
		get("/graphql/persisted").expectStatus().isNotFound();
		get("/graphql/not-prefixed").expectStatus().isNotFound();
	}

}
