package dev.persistedops.client;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.client.ClientGraphQlRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedClientGraphQlRequest}: the body a transport writes.
 */
class PersistedClientGraphQlRequestTests {

	static final String DOCUMENT = "query GetBook($id: ID!) { book(id: $id) { title } }";

	@Test
	void idOnlyBodyHasTheTopLevelIdAndNoText() {
		ClientGraphQlRequest original = TestRequests.request(DOCUMENT, "GetBook", Map.of("id", "1"));
		assertThat(PersistedClientGraphQlRequest.idOnly(original, "sha256:abc", IdConvention.DOCUMENT_ID).toMap())
			.containsExactly(Map.entry("documentId", "sha256:abc"), Map.entry("operationName", "GetBook"),
					Map.entry("variables", Map.of("id", "1")));
		assertThat(PersistedClientGraphQlRequest.idOnly(original, "abc", IdConvention.DOC_ID).toMap())
			.containsEntry("doc_id", "abc")
			.doesNotContainKey("query");
	}

	@Test
	void apolloHashTravelsInExtensionsBesideTheOthers() {
		ClientGraphQlRequest original = TestRequests.request(DOCUMENT, null, Map.of(), Map.of("trace", true));
		Map<String, Object> body = PersistedClientGraphQlRequest.idOnly(original, "abc", IdConvention.PERSISTED_QUERY)
			.toMap();
		assertThat(body).containsOnlyKeys("extensions");
		assertThat(body.get("extensions"))
			.isEqualTo(Map.of("trace", true, "persistedQuery", Map.of("version", 1, "sha256Hash", "abc")));
	}

	@Test
	void registrationBodyHasTheTextAndTheHash() {
		ClientGraphQlRequest original = TestRequests.request(DOCUMENT, null, Map.of());
		PersistedClientGraphQlRequest request = PersistedClientGraphQlRequest.withDocument(original, "abc",
				IdConvention.PERSISTED_QUERY);
		assertThat(request.toMap()).containsEntry("query", DOCUMENT).containsKey("extensions");
		assertThat(request.getDocument()).isEqualTo(DOCUMENT);
	}

	@Test
	void idOnlyDocumentIsTheMarkerSpringsServerUsesForRequestsWithoutText() {
		ClientGraphQlRequest original = TestRequests.request(DOCUMENT, null, Map.of());
		assertThat(PersistedClientGraphQlRequest.idOnly(original, "abc", IdConvention.ID).getDocument())
			.isEqualTo("PersistedQueryMarker");
	}

}
