package dev.persistedops.web;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PersistedRequestBody}.
 */
class PersistedRequestBodyTests {

	private final PersistedRequestBody body = new PersistedRequestBody(EnumSet.allOf(IdConvention.class));

	@Test
	void bodyWithDocumentOnlyKeepsItsContent() {
		Map<String, Object> raw = Map.of("query", "query Echo($value: Int!) { echo(value: $value) }", "operationName",
				"Echo", "variables", Map.of("value", 1));
		assertThat(this.body.normalize(raw)).isEqualTo(raw);
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "documentId", "doc_id", "operationId" })
	void topLevelIdOnlyGetsPlaceholderAndTravelsInTheCarrier(String member) {
		Map<String, Object> normalized = this.body.normalize(Map.of(member, "x"));
		assertThat(normalized).containsEntry("query", PersistedRequestBody.PLACEHOLDER_DOCUMENT)
			.doesNotContainKey(member)
			.containsEntry("extensions", Map.of(PersistedRequestBody.ID_CARRIER, Map.of(member, "x")));
	}

	@Test
	void topLevelIdKeepsOperationNameVariablesAndExtensions() {
		Map<String, Object> raw = Map.of("documentId", "x", "operationName", "Echo", "variables", Map.of("value", 1),
				"extensions", Map.of("trace", true));
		Map<String, Object> normalized = this.body.normalize(raw);
		assertThat(normalized).containsEntry("query", PersistedRequestBody.PLACEHOLDER_DOCUMENT)
			.containsEntry("operationName", "Echo")
			.containsEntry("variables", Map.of("value", 1))
			.containsEntry("extensions",
					Map.of("trace", true, PersistedRequestBody.ID_CARRIER, Map.of("documentId", "x")));
	}

	@Test
	void allTopLevelIdsTravelInTheCarrier() {
		Map<String, Object> normalized = this.body.normalize(Map.of("id", "a", "doc_id", "b"));
		assertThat(carrier(normalized)).isEqualTo(Map.of("id", "a", "doc_id", "b"));
	}

	@Test
	void extensionsOperationIdOnlyGetsPlaceholder() {
		Map<String, Object> extensions = Map.of("operationId", "client/alias");
		Map<String, Object> normalized = this.body.normalize(Map.of("extensions", extensions));
		assertThat(normalized).containsEntry("query", PersistedRequestBody.PLACEHOLDER_DOCUMENT)
			.containsEntry("extensions", extensions);
	}

	@Test
	void persistedQueryOnlyGetsPlaceholder() {
		Map<String, Object> extensions = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "abc"));
		Map<String, Object> normalized = this.body.normalize(Map.of("extensions", extensions));
		assertThat(normalized).containsEntry("query", PersistedRequestBody.PLACEHOLDER_DOCUMENT)
			.containsEntry("extensions", extensions);
	}

	@Test
	void disabledTopLevelConventionIsNotCarried() {
		PersistedRequestBody idOnly = new PersistedRequestBody(EnumSet.of(IdConvention.ID));
		Map<String, Object> normalized = idOnly.normalize(Map.of("id", "a", "documentId", "b"));
		assertThat(carrier(normalized)).isEqualTo(Map.of("id", "a"));
	}

	@Test
	void bodyWithOnlyADisabledTopLevelIdIsReturnedUnchanged() {
		PersistedRequestBody idOnly = new PersistedRequestBody(EnumSet.of(IdConvention.ID));
		Map<String, Object> raw = Map.of("documentId", "b");
		assertThat(idOnly.normalize(raw)).isSameAs(raw);
	}

	@Test
	void bodyWithOnlyADisabledExtensionsIdIsReturnedUnchanged() {
		PersistedRequestBody topLevelOnly = new PersistedRequestBody(IdConvention.topLevel());
		Map<String, Object> operationId = Map.of("extensions", Map.of("operationId", "client/alias"));
		Map<String, Object> persistedQuery = Map.of("extensions",
				Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "abc")));
		assertThat(topLevelOnly.normalize(operationId)).isSameAs(operationId);
		assertThat(topLevelOnly.normalize(persistedQuery)).isSameAs(persistedQuery);
	}

	@Test
	void carrierSentByTheClientIsDroppedFromABodyWithADocument() {
		Map<String, Object> raw = Map.of("query", "{ greeting }", "extensions",
				Map.of("trace", true, PersistedRequestBody.ID_CARRIER, Map.of("id", "forged")));
		Map<String, Object> normalized = this.body.normalize(raw);
		assertThat(normalized).containsEntry("query", "{ greeting }")
			.containsEntry("extensions", Map.of("trace", true));
	}

	@Test
	void carrierSentByTheClientIsReplacedInABodyWithAnId() {
		Map<String, Object> raw = Map.of("id", "x", "extensions",
				Map.of(PersistedRequestBody.ID_CARRIER, Map.of("documentId", "forged")));
		assertThat(carrier(this.body.normalize(raw))).isEqualTo(Map.of("id", "x"));
	}

	@Test
	void carrierSentByTheClientIsNotAnIdOnItsOwn() {
		Map<String, Object> raw = Map.of("extensions",
				Map.of(PersistedRequestBody.ID_CARRIER, Map.of("documentId", "forged")));
		assertThat(this.body.normalize(raw)).doesNotContainKey("query");
	}

	@Test
	void bodyWithNeitherDocumentNorIdIsReturnedUnchanged() {
		Map<String, Object> raw = Map.of("operationName", "Echo");
		assertThat(this.body.normalize(raw)).isSameAs(raw);
	}

	@Test
	void queryThatIsNotAStringIsRefused() {
		assertRefused(Map.of("query", 42), "'query'");
	}

	@Test
	void operationNameThatIsNotAStringIsRefused() {
		assertRefused(Map.of("query", "{ greeting }", "operationName", 42), "'operationName'");
	}

	@Test
	void variablesThatAreAnArrayAreRefused() {
		assertRefused(Map.of("id", "x", "variables", List.of(1, 2)), "'variables'");
	}

	@Test
	void variablesThatAreAStringAreRefused() {
		assertRefused(Map.of("query", "{ greeting }", "variables", "{\"value\": 1}"), "'variables'");
	}

	@Test
	void extensionsThatAreAStringAreRefused() {
		assertRefused(Map.of("id", "x", "extensions", "{}"), "'extensions'");
	}

	@Test
	void nullMembersAreAbsentMembers() {
		Map<String, Object> raw = new LinkedHashMap<>();
		raw.put("id", "x");
		raw.put("operationName", null);
		raw.put("variables", null);
		assertThat(this.body.normalize(raw)).containsOnlyKeys("query", "extensions");
	}

	@Test
	void ourPlaceholderIsAPlaceholder() {
		assertThat(PersistedRequestBody.isPlaceholder(PersistedRequestBody.PLACEHOLDER_DOCUMENT)).isTrue();
	}

	@Test
	void graphQlJavaPersistedQueryMarkerIsAPlaceholder() {
		assertThat(PersistedRequestBody.isPlaceholder(PersistedQuerySupport.PERSISTED_QUERY_MARKER)).isTrue();
	}

	@Test
	void documentIsNotAPlaceholder() {
		assertThat(PersistedRequestBody.isPlaceholder("{ greeting }")).isFalse();
	}

	private void assertRefused(Map<String, Object> raw, String member) {
		assertThatExceptionOfType(InvalidGraphQlRequestException.class).isThrownBy(() -> this.body.normalize(raw))
			.withMessageContaining(member);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> carrier(Map<String, Object> body) {
		Map<String, Object> extensions = (Map<String, Object>) body.get("extensions");
		assertThat(extensions).isNotNull();
		return (Map<String, Object>) extensions.get(PersistedRequestBody.ID_CARRIER);
	}

}
