package dev.persistedops.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app in development (no profile): each client convention finds the exported
 * operation, GET runs queries only, bad input gets a clear error, and documents still
 * run.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class SampleApplicationTests extends RunningSample {

	private static final Map<String, Object> BOOK_1 = Map.of("id", "1");

	static void assertFirstBook(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
		response.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data.book.title")
			.isEqualTo("The Left Hand of Darkness")
			.jsonPath("$.errors")
			.doesNotExist();
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "documentId", "doc_id", "operationId" })
	void persistedQueryRunsByTopLevelId(String member) {
		assertFirstBook(post(Map.of(member, GET_BOOK, "variables", BOOK_1)));
	}

	@Test
	void persistedQueryRunsByGraphQlOverHttpDocumentId() {
		assertFirstBook(post(Map.of("documentId", "sha256:" + GET_BOOK, "variables", BOOK_1)));
	}

	@Test
	void persistedQueryRunsByGraphQlRubyOperationId() {
		assertFirstBook(post(Map.of("operationId", GET_BOOK_IOS, "variables", BOOK_1)));
	}

	@Test
	void persistedQueryRunsByApolloPersistedQueryHash() {
		assertFirstBook(post(Map.of("extensions",
				Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", GET_BOOK)), "variables", BOOK_1)));
	}

	@Test
	void persistedQueryRunsByGet() {
		assertFirstBook(get(Map.of("id", GET_BOOK, "variables", "{\"id\":\"1\"}")));
	}

	@Test
	void queryWithOptionalArgumentsRuns() {
		post(Map.of("id", LIST_BOOKS, "variables", Map.of("author", "Octavia E. Butler"))).expectBody()
			.jsonPath("$.data.books[0].title")
			.isEqualTo("Kindred")
			.jsonPath("$.data.books.length()")
			.isEqualTo(1);
	}

	@Test
	void getNamingAMutationIs405AndAddsNothing() {
		get(Map.of("id", ADD_BOOK, "variables", "{\"title\":\"By GET\",\"author\":\"Crawler\"}")).expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST");
		post(Map.of("id", LIST_BOOKS, "variables", Map.of("author", "Crawler"))).expectBody()
			.jsonPath("$.data.books.length()")
			.isEqualTo(0);
	}

	@Test
	void unknownIdIsPersistedQueryNotFound() {
		post(Map.of("id", "00000000000000000000000000000000")).expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryNotFound")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/passwd", "/etc/passwd", "..%2F..%2Fpom", "ios/../../pom", "nul\u0000id" })
	void idsThatLookLikePathsAreRefusedByTheIdRule(String id) {
		post(Map.of("id", id)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_ID_INVALID");
	}

	@Test
	void idOf10KilobytesIsRefused() {
		post(Map.of("id", "x".repeat(10_240))).expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_ID_INVALID");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"id\": 42}", "{\"id\": {\"file\": \"pom.xml\"}}" })
	void idsThatAreNotStringsAreRefused(String body) {
		post(body).expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("PERSISTED_QUERY_ID_INVALID");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"id\": ", "{\"id\": \"" + GET_BOOK + "\", \"variables\": [\"1\"]}" })
	void malformedBodiesAre400(String body) {
		post(body).expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].message").isNotEmpty();
	}

	@Test
	void documentsRunInDevelopment() {
		post(Map.of("query", "{ books(first: 1) { title } }")).expectBody()
			.jsonPath("$.data.books[0].title")
			.isEqualTo("The Left Hand of Darkness");
	}

	@Test
	void graphiQlIsAvailableInDevelopment() {
		this.graphQl.webTestClient().get().uri("/graphiql?path=/graphql").exchange().expectStatus().isOk();
	}

	@Test
	void storedQueryRunsByGetOnItsOperationUrl() {
		assertFirstBook(get("/graphql/persisted/" + GET_BOOK + "?variables=%7B%22id%22%3A%221%22%7D"));
		assertFirstBook(get("/graphql/persisted/" + GET_BOOK_IOS + "?variables=%7B%22id%22%3A%221%22%7D"));
		assertFirstBook(get("/graphql/sha256:" + GET_BOOK + "/GetBook?variables=%7B%22id%22%3A%221%22%7D"));
	}

	@Test
	void storedQueryRunsByPostOnItsOperationUrl() {
		assertFirstBook(postTo("/graphql/persisted/" + GET_BOOK, Map.of("variables", BOOK_1)));
		assertFirstBook(postTo("/graphql/sha256:" + GET_BOOK + "/GetBook", Map.of("variables", BOOK_1)));
	}

	@Test
	void mutationByGetOnItsOperationUrlIs405AndAddsNothing() {
		get("/graphql/persisted/" + ADD_BOOK
				+ "?variables=%7B%22title%22%3A%22URL%22%2C%22author%22%3A%22Crawler2%22%7D")
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
			.expectHeader()
			.valueEquals(HttpHeaders.ALLOW, "POST");
		get("/graphql/sha256:" + ADD_BOOK
				+ "/AddBook?variables=%7B%22title%22%3A%22URL%22%2C%22author%22%3A%22Crawler2%22%7D")
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		post(Map.of("id", LIST_BOOKS, "variables", Map.of("author", "Crawler2"))).expectBody()
			.jsonPath("$.data.books.length()")
			.isEqualTo(0);
	}

	@Test
	void persistedSubscriptionStreamsOverWebSocket() {
		List<Map<String, Object>> messages = subscribe(Map.of("id", ON_BOOK_ADDED), 1,
				() -> addBookById("Parable of the Sower"));
		assertThat(messages).first().extracting("type").isEqualTo("next");
		assertThat(messages.get(0).toString()).contains("Parable of the Sower");
	}

}
