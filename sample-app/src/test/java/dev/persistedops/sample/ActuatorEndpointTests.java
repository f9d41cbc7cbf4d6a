package dev.persistedops.sample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.core.ParameterizedTypeReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app in development, with its own context (so that no other test's requests
 * count): {@code /actuator/persistedoperations} lists the exported operations with use
 * counts that grow with requests, "never used" lists exactly those not requested, one
 * operation comes with its text, and {@code info} summarizes the setup.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.test=actuator-endpoint")
class ActuatorEndpointTests extends RunningSample {

	private static final List<String> EXPORTED = List.of(ADD_BOOK, ON_BOOK_ADDED, GET_BOOK, LIST_BOOKS, GET_BOOK_IOS);

	@Test
	void listsTheExportedOperationsWithUseCountsThatGrowAndWhatWasNeverUsed() throws Exception {
		assertThat(operations("")).extracting((operation) -> operation.get("id"))
			.containsExactlyInAnyOrderElementsOf(EXPORTED);
		assertThat(operations("")).allSatisfy((operation) -> assertThat(operation.get("useCount")).isEqualTo(0));

		post(Map.of("id", GET_BOOK, "variables", Map.of("id", "1"))).expectStatus().isOk();
		assertThat(useCount(GET_BOOK)).isEqualTo(1);
		post(Map.of("documentId", "sha256:" + GET_BOOK, "variables", Map.of("id", "2"))).expectStatus().isOk();
		get(Map.of("id", LIST_BOOKS)).expectStatus().isOk();
		assertThat(useCount(GET_BOOK)).isEqualTo(2);
		assertThat(useCount(LIST_BOOKS)).isEqualTo(1);
		// A document sent as text runs in development, and is never listed.
		post(Map.of("query", "query Sent { books { title } }")).expectStatus().isOk();

		assertThat(operations("?neverUsed=true")).extracting((operation) -> operation.get("id"))
			.containsExactlyInAnyOrder(ADD_BOOK, ON_BOOK_ADDED, GET_BOOK_IOS);
		assertThat(operations("?notUsedSince=1d")).extracting((operation) -> operation.get("id"))
			.containsExactlyInAnyOrder(ADD_BOOK, ON_BOOK_ADDED, GET_BOOK_IOS);

		Map<String, Object> getBook = operations("").stream()
			.filter((operation) -> operation.get("id").equals(GET_BOOK))
			.findFirst()
			.orElseThrow();
		assertThat(getBook).containsEntry("operationName", "GetBook")
			.containsEntry("operationType", "query")
			.containsEntry("source", "file")
			.containsKey("lastUsed")
			.doesNotContainEntry("text", "query GetBook");
		assertThat(String.valueOf(getBook.get("location"))).contains(GET_BOOK + ".graphql");

		// An operation registered by a client (APQ) is listed as such.
		String text = "query Registered { books { title } }";
		String hash = HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		post(Map.of("query", text, "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash))))
			.expectStatus()
			.isOk();
		assertThat(operations("")).filteredOn((operation) -> operation.get("id").equals(hash))
			.singleElement()
			.satisfies(
					(operation) -> assertThat(operation).containsEntry("source", "apq").containsEntry("useCount", 1));
	}

	@Test
	void showsOneOperationWithItsText() {
		this.graphQl.webTestClient()
			.get()
			.uri("/actuator/persistedoperations/" + GET_BOOK_IOS)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.id")
			.isEqualTo(GET_BOOK_IOS)
			.jsonPath("$.operationName")
			.isEqualTo("GetBook")
			.jsonPath("$.text")
			.value((text) -> assertThat((String) text).startsWith("query GetBook"));
		this.graphQl.webTestClient()
			.get()
			.uri("/actuator/persistedoperations/ffffffffffffffffffffffffffffffff")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void infoSaysTheStoreTheModeAndTheDocumentCount() {
		this.graphQl.webTestClient()
			.get()
			.uri("/actuator/info")
			.exchange()
			.expectBody()
			.jsonPath("$.persistedOperations.store")
			.isEqualTo("filesystem")
			.jsonPath("$.persistedOperations.mode")
			.isEqualTo("off")
			.jsonPath("$.persistedOperations.documents")
			.isEqualTo(5);
	}

	private Object useCount(String id) {
		return operations("").stream()
			.filter((operation) -> operation.get("id").equals(id))
			.findFirst()
			.orElseThrow()
			.get("useCount");
	}

	private List<Map<String, Object>> operations(String query) {
		Map<String, Object> body = this.graphQl.webTestClient()
			.get()
			.uri("/actuator/persistedoperations" + query)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> operations = (List<Map<String, Object>>) body.get("operations");
		return operations;
	}

}
