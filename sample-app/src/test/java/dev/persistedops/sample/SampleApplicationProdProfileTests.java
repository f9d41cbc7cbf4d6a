package dev.persistedops.sample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app with the prod profile: only persisted operations run, except for
 * requests that carry the staff secret.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "STAFF_SECRET=" + SampleApplicationProdProfileTests.SECRET)
@ActiveProfiles("prod")
class SampleApplicationProdProfileTests extends RunningSample {

	static final String SECRET = "test-staff-secret";

	private static final String DOCUMENT = "{ books { title } }";

	private static final String SUBSCRIPTION = "subscription { bookAdded { title } }";

	@Test
	void documentOverPostIsRefused() {
		post(Map.of("query", DOCUMENT)).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_ONLY");
	}

	@Test
	void documentWithTheStaffHeaderRuns() {
		post(Map.of("query", DOCUMENT), StaffHeaderOverride.HEADER, SECRET).expectBody()
			.jsonPath("$.data.books[0].title")
			.isEqualTo("The Left Hand of Darkness");
	}

	@Test
	void documentWithAWrongStaffSecretIsRefused() {
		post(Map.of("query", DOCUMENT), StaffHeaderOverride.HEADER, SECRET + "x").expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_ONLY");
	}

	@Test
	void operationUrlsServeStoredQueriesInProd() {
		get("/graphql/persisted/" + GET_BOOK + "?variables=%7B%22id%22%3A%222%22%7D").expectBody()
			.jsonPath("$.data.book.title")
			.isEqualTo("The Dispossessed");
		postTo("/graphql/sha256:" + GET_BOOK + "/GetBook", Map.of("variables", Map.of("id", "2"))).expectBody()
			.jsonPath("$.data.book.title")
			.isEqualTo("The Dispossessed");
	}

	@Test
	void documentSentToAnOperationUrlIsNeverRunInProd() {
		String text = "query Sneaky { books { title } }";
		String hash = sha256(text);
		postTo("/graphql/sha256:" + hash + "/Sneaky",
				Map.of("query", text, "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))))
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_ONLY");
		postTo("/graphql/persisted/" + hash, Map.of("query", text)).expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void persistedGetsAreCacheableInProd() {
		get("/graphql?id=" + GET_BOOK + "&variables=%7B%22id%22%3A%222%22%7D").expectHeader()
			.valueEquals("Cache-Control", "public, max-age=300")
			.expectHeader()
			.exists("ETag");
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void persistedQueryRuns() {
		post(Map.of("doc_id", GET_BOOK, "variables", Map.of("id", "2"))).expectBody()
			.jsonPath("$.data.book.title")
			.isEqualTo("The Dispossessed");
	}

	@Test
	void subscriptionDocumentOverWebSocketIsRefused() {
		List<Map<String, Object>> messages = subscribe(Map.of("query", SUBSCRIPTION), 1,
				() -> addBookById("Should not be streamed"));
		assertThat(messages.toString()).contains("PERSISTED_QUERY_ONLY").doesNotContain("Should not be streamed");
	}

	@Test
	void persistedSubscriptionOverWebSocketStreams() {
		List<Map<String, Object>> messages = subscribe(Map.of("documentId", ON_BOOK_ADDED), 1,
				() -> addBookById("Dawn"));
		assertThat(messages).extracting((message) -> message.get("type")).containsExactly("next");
		assertThat(messages.get(0).toString()).contains("Dawn").doesNotContain("errors");
	}

	@Test
	void persistedOperationsEndpointIsOffTheWebInProduction() {
		this.graphQl.webTestClient().get().uri("/actuator/persistedoperations").exchange().expectStatus().isNotFound();
		this.graphQl.webTestClient().get().uri("/actuator/health").exchange().expectStatus().isOk();
	}

	@Test
	void graphiQlIsOffInProduction() {
		this.graphQl.webTestClient().get().uri("/graphiql?path=/graphql").exchange().expectStatus().isNotFound();
	}

}
