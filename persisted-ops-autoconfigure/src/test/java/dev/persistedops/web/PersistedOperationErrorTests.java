package dev.persistedops.web;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import dev.persistedops.store.StoreUnavailableException;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedOperationError}.
 */
class PersistedOperationErrorTests {

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

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

	@Test
	void unavailableStoreIsAServerErrorUnderGraphQlResponseJson() {
		WebGraphQlResponse response = PersistedOperationError.STORE_UNAVAILABLE.toResponse(this.request);
		assertThat(PersistedOperationError.httpStatusOf(response, GRAPHQL_RESPONSE))
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
	}

	@Test
	void unavailableStoreKeepsSpringsStatusUnderApplicationJson() {
		WebGraphQlResponse response = PersistedOperationError.STORE_UNAVAILABLE.toResponse(this.request);
		assertThat(PersistedOperationError.httpStatusOf(response, MediaType.APPLICATION_JSON)).isNull();
	}

	@ParameterizedTest
	@EnumSource(value = PersistedOperationError.class, names = "STORE_UNAVAILABLE", mode = EnumSource.Mode.EXCLUDE)
	void clientErrorsKeepSpringsStatus(PersistedOperationError error) {
		assertThat(PersistedOperationError.httpStatusOf(error.toResponse(this.request), GRAPHQL_RESPONSE)).isNull();
	}

	@Test
	void unavailableStoreSaysWhenToRetryInWholeSecondsRoundedUp() {
		WebGraphQlResponse response = PersistedOperationError.storeUnavailable(this.request,
				new StoreUnavailableException("down", null, Duration.ofMillis(1_500)));
		assertThat(response.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
		assertThat(onlyError(response).getExtensions()).containsEntry("code", "PERSISTED_QUERY_STORE_UNAVAILABLE");
		assertThat(PersistedOperationError
			.storeUnavailable(this.request, new StoreUnavailableException("down", null, Duration.ZERO))
			.getResponseHeaders()
			.getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
	}

	@Test
	void unavailableStoreThatDoesNotSayWhenToRetrySendsNoRetryAfter() {
		WebGraphQlResponse response = PersistedOperationError.storeUnavailable(this.request,
				new IllegalStateException("boom"));
		assertThat(response.getResponseHeaders().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();
	}

	private static ResponseError onlyError(WebGraphQlResponse response) {
		assertThat(response.getErrors()).hasSize(1);
		return response.getErrors().get(0);
	}

}
