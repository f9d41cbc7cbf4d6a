package dev.persistedops.integration;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.persistedops.test.GraphQlTestClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The behaviour of persisted operations over real HTTP and WebSocket, with only-persisted
 * mode off. Each subclass runs it on one web stack.
 */
abstract class PersistedOperationsIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	TestApplication.ParseCounter parseCounter;

	GraphQlTestClient graphQl;

	WebTestClient client;

	@BeforeEach
	void createClient() {
		this.graphQl = new GraphQlTestClient(this.port);
		this.client = this.graphQl.webTestClient();
	}

	WebTestClient.ResponseSpec post(Object body) {
		return this.graphQl.post(body);
	}

	WebTestClient.ResponseSpec get(Map<String, String> parameters) {
		return this.graphQl.get(parameters);
	}

	/** Run the persisted mutation and return the counter's new value. */
	int increment() {
		Map<?, ?> body = post(Map.of("id", Documents.INCREMENT_ID)).expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		return (Integer) ((Map<?, ?>) body.get("data")).get("increment");
	}

	static void assertGreeting(WebTestClient.ResponseSpec response, String expected) {
		response.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo(expected)
			.jsonPath("$.errors")
			.doesNotExist();
	}

	static void assertError(WebTestClient.ResponseSpec response, String code) {
		response.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo(code);
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "documentId", "doc_id", "operationId" })
	void topLevelIdRunsTheStoredDocument(String member) {
		assertGreeting(post(Map.of(member, Documents.GREETING_ID, "variables", Map.of("name", "Ada"))), "Hello, Ada!");
	}

	@Test
	void documentIdInGraphQlOverHttpFormRunsTheStoredDocument() {
		assertGreeting(post(Map.of("documentId", "sha256:" + Documents.GREETING_SHA256)), "Hello, world!");
	}

	@Test
	void namespacedOperationIdRunsTheStoredDocument() {
		assertGreeting(post(Map.of("operationId", Documents.GREETING_NAMESPACED)), "Hello, world!");
	}

	@Test
	void extensionsOperationIdRunsTheStoredDocument() {
		assertGreeting(post(Map.of("extensions", Map.of("operationId", Documents.GREETING_NAMESPACED))),
				"Hello, world!");
	}

	@Test
	void apolloPersistedQueryHashRunsTheStoredDocument() {
		Map<String, Object> persistedQuery = Map.of("version", 1, "sha256Hash", Documents.GREETING_SHA256);
		assertGreeting(post(
				Map.of("extensions", Map.of("persistedQuery", persistedQuery), "variables", Map.of("name", "Grace"))),
				"Hello, Grace!");
	}

	@Test
	void getWithIdAndJsonVariablesRunsTheStoredQuery() {
		assertGreeting(get(Map.of("id", Documents.GREETING_ID, "variables", "{\"name\":\"Linus\"}")), "Hello, Linus!");
	}

	@Test
	void getInApolloClientFormRunsTheStoredQuery() {
		String extensions = "{\"clientLibrary\":{\"name\":\"@apollo/client\",\"version\":\"4.0.0\"},"
				+ "\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + Documents.GREETING_SHA256 + "\"}}";
		assertGreeting(get(Map.of("operationName", "Greeting", "variables", "{}", "extensions", extensions)),
				"Hello, world!");
	}

	@Test
	void getWithGraphQlOverHttpDocumentIdRunsTheStoredQuery() {
		assertGreeting(get(Map.of("documentId", "sha256:" + Documents.GREETING_SHA256)), "Hello, world!");
	}

	@Test
	void getOfAMutationIsRefusedWith405AndRunsNothing() {
		int before = increment();
		get(Map.of("id", Documents.INCREMENT_ID)).expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST");
		assertThat(increment()).isEqualTo(before + 1);
	}

	@Test
	void getOfASubscriptionIsRefusedWith405() {
		get(Map.of("id", Documents.TICKS_ID, "variables", "{\"count\":1}")).expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
	}

	@Test
	void getWithAMutationDocumentIsRefusedWith405AndRunsNothing() {
		int before = increment();
		get(Map.of("query", "mutation { increment }", "extensions", "{}")).expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST");
		assertError(get(Map.of("query", "mutation { increment }", "id", Documents.GREETING_ID)),
				"PERSISTED_QUERY_DOCUMENT_MISMATCH");
		// graphql-java runs the first operation when operationName is empty
		get(Map.of("query", "mutation Write { increment } query Read { greeting }", "operationName", "", "extensions",
				"{}"))
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(increment()).isEqualTo(before + 1);
	}

	@Test
	void getWithAQueryDocumentRunsWhenOnlyPersistedIsOff() {
		assertGreeting(get(Map.of("query", "{ greeting(name: \"GET\") }", "extensions", "{}")), "Hello, GET!");
	}

	@Test
	void getWithoutAnIdIsLeftToSpringForGraphQl() {
		get(Map.of("query", "{ greeting }")).expectStatus().isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
	}

	@Test
	void unknownIdIsPersistedQueryNotFound() {
		post(Map.of("id", "0123456789abcdef0123456789abcdef")).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryNotFound")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void unknownIdIs400WithGraphQlResponseMediaType() {
		this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.parseMediaType("application/graphql-response+json"))
			.bodyValue(Map.of("id", "unknown"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/passwd", "/etc/passwd", "..%2F..%2Fpom", "../pom.xml", "ruby/../ruby/x",
			"id\u0000", "a b", "*", "x\r\nFLUSHALL" })
	void malformedIdsAreRefusedBeforeAnyLookup(String id) {
		assertError(post(Map.of("id", id)), "PERSISTED_QUERY_ID_INVALID");
		assertError(get(Map.of("id", id)), "PERSISTED_QUERY_ID_INVALID");
	}

	@Test
	void idOf10KilobytesIsRefused() {
		assertError(post(Map.of("id", "a".repeat(10 * 1024))), "PERSISTED_QUERY_ID_INVALID");
	}

	@Test
	void idThatIsNotAStringIsRefused() {
		assertError(post("{\"id\": 12345}"), "PERSISTED_QUERY_ID_INVALID");
		assertError(post("{\"id\": {\"path\": \"../../etc/passwd\"}}"), "PERSISTED_QUERY_ID_INVALID");
		assertError(post("{\"documentId\": [\"a\"]}"), "PERSISTED_QUERY_ID_INVALID");
	}

	@Test
	void twoDifferentIdsAreRefused() {
		assertError(post(Map.of("id", Documents.GREETING_ID, "doc_id", Documents.ECHO_ID)),
				"PERSISTED_QUERY_ID_INVALID");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"id\": \"x\"", "not json", "[]", "\"a string\"", "",
			"{\"id\": \"x\", \"variables\": [1]}", "{\"id\": \"x\", \"variables\": \"{}\"}",
			"{\"id\": \"x\", \"extensions\": 1}", "{\"id\": \"x\", \"operationName\": 1}", "{\"query\": 1}", "{}" })
	void malformedBodiesAre400WithAGraphQlError(String body) {
		post(body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isNotEmpty()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("BAD_REQUEST");
	}

	@Test
	void malformedGetParametersAre400() {
		get(Map.of("id", Documents.GREETING_ID, "variables", "{not json")).expectStatus().isBadRequest();
		this.client.get()
			.uri("/graphql?id=a&id=b")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("BAD_REQUEST");
	}

	@Test
	void bodySentAsApplicationGraphQlIsReadAsJsonAsSpringDoes() {
		assertGreeting(this.client.post()
			.uri("/graphql")
			.contentType(MediaType.parseMediaType("application/graphql"))
			.accept(MediaType.APPLICATION_JSON)
			.bodyValue("{\"id\": \"" + Documents.GREETING_ID + "\"}")
			.exchange(), "Hello, world!");
	}

	@Test
	void unsupportedContentTypeIsLeftToSpringForGraphQl() {
		this.client.post()
			.uri("/graphql")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("{\"id\": \"" + Documents.GREETING_ID + "\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	@Test
	void idWithTheSameDocumentRuns() {
		assertGreeting(post(Map.of("id", Documents.GREETING_ID, "query", Documents.GREETING)), "Hello, world!");
	}

	@Test
	void idWithADifferentDocumentIsRefused() {
		assertError(post(Map.of("id", Documents.GREETING_ID, "query", "{ greeting(name: \"Mallory\") }")),
				"PERSISTED_QUERY_DOCUMENT_MISMATCH");
	}

	@Test
	void apolloRegistrationWhileApqIsOffIsPersistedQueryNotSupported() {
		String text = "query NotRegistered { greeting }";
		Map<String, Object> persistedQuery = Map.of("version", 1, "sha256Hash",
				AutomaticPersistedQueriesIntegrationTests.sha256(text));
		post(Map.of("query", text, "extensions", Map.of("persistedQuery", persistedQuery))).expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryNotSupported")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_SUPPORTED");
	}

	@Test
	void publishingEndpointsAreNotReachableUnlessEnabled() {
		this.client.post()
			.uri("/persisted-operations/relay")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.bodyValue("text=query%20Q%20%7B%20greeting%20%7D")
			.exchange()
			.expectStatus()
			.isNotFound();
		this.client.post()
			.uri("/persisted-operations/sync")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"operations\":[]}")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void nonPersistedDocumentRunsWhenOnlyPersistedIsOff() {
		assertGreeting(post(Map.of("query", "{ greeting(name: \"dev\") }")), "Hello, dev!");
	}

	@Test
	void persistedDocumentInvalidAgainstTheSchemaGetsAValidationError() {
		post(Map.of("id", Documents.INVALID_ID)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("ValidationError");
	}

	@Test
	void persistedDocumentIsParsedBeforeItsFirstRequestAndNeverAfter() {
		IntStream.range(0, 25)
			.forEach((i) -> post(Map.of("id", Documents.PARSE_ONCE_ID)).expectBody()
				.jsonPath("$.data.echo")
				.isEqualTo(7));
		get(Map.of("id", Documents.PARSE_ONCE_ID)).expectBody().jsonPath("$.data.echo").isEqualTo(7);
		assertThat(this.parseCounter.parsesOf(Documents.PARSE_ONCE)).isZero();
		assertThat(this.parseCounter.validationsOf(Documents.PARSE_ONCE)).isZero();
	}

	@Test
	void firstRequestOfEveryValidStoredDocumentIsNeitherParsedNorValidated() {
		assertGreeting(post(Map.of("id", Documents.GREETING_ID, "variables", Map.of("name", "first"))),
				"Hello, first!");
		assertGreeting(post(Map.of("id", Documents.GREETING_SHA256)), "Hello, world!");
		assertGreeting(post(Map.of("operationId", Documents.GREETING_NAMESPACED)), "Hello, world!");
		post(Map.of("id", Documents.ECHO_ID, "variables", Map.of("value", 5))).expectBody()
			.jsonPath("$.data.echo")
			.isEqualTo(5);
		assertThat(increment()).isPositive();
		post(Map.of("id", Documents.SAFELISTED_ID)).expectBody().jsonPath("$.data.echo").isEqualTo(3);
		post(Map.of("id", Documents.PARSE_ONCE_ID)).expectBody().jsonPath("$.data.echo").isEqualTo(7);
		assertThat(this.graphQl.subscribe(Map.of("id", Documents.TICKS_ID, "variables", Map.of("count", 1))))
			.extracting((message) -> message.get("type"))
			.containsExactly("next", "complete");
		for (String text : Documents.VALID) {
			assertThat(this.parseCounter.parsesOf(text)).as("parses of %s", text).isZero();
			assertThat(this.parseCounter.validationsOf(text)).as("validations of %s", text).isZero();
		}
	}

	@Test
	void nonPersistedDocumentIsParsedOnEveryRequest() {
		String text = "{ echo(value: 99) }";
		IntStream.range(0, 3).forEach((i) -> post(Map.of("query", text)).expectStatus().isOk());
		assertThat(this.parseCounter.parsesOf(text)).isEqualTo(3);
	}

	@Test
	void webSocketSubscriptionByIdStreamsTheStoredSubscription() {
		List<Map<String, Object>> messages = this.graphQl
			.subscribe(Map.of("id", Documents.TICKS_ID, "variables", Map.of("count", 3)));
		assertThat(messages).extracting((message) -> message.get("type"))
			.containsExactly("next", "next", "next", "complete");
		assertThat(messages.get(2)).extracting("payload").isEqualTo(Map.of("data", Map.of("ticks", 3)));
	}

	@Test
	void webSocketSubscriptionWithADocumentRunsWhenOnlyPersistedIsOff() {
		List<Map<String, Object>> messages = this.graphQl
			.subscribe(Map.of("query", Documents.TICKS, "variables", Map.of("count", 2)));
		assertThat(messages).extracting((message) -> message.get("type")).containsExactly("next", "next", "complete");
	}

	@Test
	void webSocketSubscriptionWithUnknownIdGetsNotFound() {
		List<Map<String, Object>> messages = this.graphQl.subscribe(Map.of("documentId", "nope"));
		assertThat(messages.toString()).contains("PERSISTED_QUERY_NOT_FOUND");
		assertThat(messages).noneMatch((message) -> "next".equals(message.get("type"))
				&& ((Map<?, ?>) message.get("payload")).get("data") != null);
	}

}
