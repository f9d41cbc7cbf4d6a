package dev.persistedops.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link GetRequestParameters}.
 */
class GetRequestParametersTests {

	private final GetRequestParameters parameters = new GetRequestParameters(JsonMapper.shared());

	@Test
	void parsesVariablesAndExtensionsAsJson() {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("variables", "{\"value\": 2, \"names\": [\"a\"]}");
		query.add("extensions", "{\"persistedQuery\": {\"version\": 1, \"sha256Hash\": \"abc\"}}");
		Map<String, Object> body = this.parameters.toBody(query);
		assertThat(body).containsEntry("variables", Map.of("value", 2, "names", List.of("a")))
			.containsEntry("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "abc")));
	}

	@Test
	void keepsTheOtherParametersAsStrings() {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("query", "{ greeting }");
		query.add("operationName", "Greeting");
		query.add("id", "1");
		query.add("documentId", "{\"not\": \"parsed\"}");
		query.add("doc_id", "42");
		query.add("operationId", "client/alias");
		assertThat(this.parameters.toBody(query)).isEqualTo(Map.of("query", "{ greeting }", "operationName", "Greeting",
				"id", "1", "documentId", "{\"not\": \"parsed\"}", "doc_id", "42", "operationId", "client/alias"));
	}

	@Test
	void ignoresUnknownParameters() {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("id", "abc");
		query.add("utm_source", "newsletter");
		query.add("_", "1699999999");
		assertThat(this.parameters.toBody(query)).isEqualTo(Map.of("id", "abc"));
	}

	@Test
	void ignoresARepeatedUnknownParameter() {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("id", "abc");
		query.add("tag", "a");
		query.add("tag", "b");
		assertThat(this.parameters.toBody(query)).isEqualTo(Map.of("id", "abc"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "query", "variables" })
	void refusesARepeatedParameter(String name) {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add(name, "{}");
		query.add(name, "{}");
		assertThatExceptionOfType(InvalidGraphQlRequestException.class).isThrownBy(() -> this.parameters.toBody(query))
			.withMessageContaining("'" + name + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "variables", "extensions" })
	void refusesInvalidJson(String name) {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("id", "abc");
		query.add(name, "{\"value\": ");
		assertThatExceptionOfType(InvalidGraphQlRequestException.class).isThrownBy(() -> this.parameters.toBody(query))
			.withMessageContaining("'" + name + "'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "id", "documentId", "doc_id", "operationId", "extensions" })
	void mayCarryAnIdInEachPlace(String name) {
		assertThat(GetRequestParameters.mayCarryId(Set.of(name, "variables"))).isTrue();
	}

	@Test
	void cannotCarryAnIdWithoutAnIdParameter() {
		assertThat(GetRequestParameters.mayCarryId(Set.of("query", "operationName", "variables"))).isFalse();
		assertThat(GetRequestParameters.mayCarryId(Set.of())).isFalse();
	}

}
