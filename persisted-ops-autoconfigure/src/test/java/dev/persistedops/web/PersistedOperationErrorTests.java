package dev.persistedops.web;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedOperationError}.
 */
class PersistedOperationErrorTests {

	private final WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"),
			new HttpHeaders(), null, null, Map.of(), Map.of("query", PersistedRequestBody.PLACEHOLDER_DOCUMENT), "1",
			null);

	@Test
	void notFoundHasTheMessageAndCodeApolloClientMatches() {
		WebGraphQlResponse response = PersistedOperationError.NOT_FOUND.toResponse(this.request);
		assertThat(response.getErrors()).singleElement().satisfies((error) -> {
			assertThat(error.getMessage()).isEqualTo("PersistedQueryNotFound");
			assertThat(error.getExtensions()).containsEntry("code", "PERSISTED_QUERY_NOT_FOUND");
		});
		assertThat(response.getExecutionResult().isDataPresent()).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "NOT_FOUND, PERSISTED_QUERY_NOT_FOUND", "ONLY_PERSISTED, PERSISTED_QUERY_ONLY",
			"ID_INVALID, PERSISTED_QUERY_ID_INVALID", "STORE_UNAVAILABLE, PERSISTED_QUERY_STORE_UNAVAILABLE" })
	void hasTheCodeOfTheErrorContract(PersistedOperationError error, String code) {
		assertThat(error.code()).isEqualTo(code);
		assertThat(onlyError(error.toResponse(this.request)).getExtensions()).containsEntry("code", code);
	}

	@ParameterizedTest
	@EnumSource(PersistedOperationError.class)
	void responseHasOneErrorWithTheMessageAndNoData(PersistedOperationError error) {
		WebGraphQlResponse response = error.toResponse(this.request);
		assertThat(onlyError(response).getMessage()).isEqualTo(error.message()).isNotBlank();
		assertThat(response.getExecutionResult().isDataPresent()).isFalse();
		assertThat(response.isValid()).isFalse();
	}

	@Test
	void responseCanCarryAMessageNamingTheRule() {
		WebGraphQlResponse response = PersistedOperationError.ID_INVALID.toResponse(this.request,
				"An operation id must be a string");
		ResponseError error = onlyError(response);
		assertThat(error.getMessage()).isEqualTo("An operation id must be a string");
		assertThat(error.getExtensions()).containsEntry("code", "PERSISTED_QUERY_ID_INVALID");
	}

	private static ResponseError onlyError(WebGraphQlResponse response) {
		assertThat(response.getErrors()).hasSize(1);
		return response.getErrors().get(0);
	}

}
