package dev.persistedops.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlRequest;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.support.DefaultGraphQlRequest;

import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Requests and responses for the unit tests, as a client builds them and a transport
 * returns them.
 */
final class TestRequests {

	private TestRequests() {
	}

	static ClientGraphQlRequest request(String document, @Nullable String operationName,
			Map<String, @Nullable Object> variables) {
		return request(document, operationName, variables, Map.of());
	}

	static ClientGraphQlRequest request(String document, @Nullable String operationName,
			Map<String, @Nullable Object> variables, Map<String, Object> extensions) {
		return new Request(document, operationName, variables, extensions);
	}

	/**
	 * A response with no errors, or with one error with the given message and code.
	 */
	static ClientGraphQlResponse response(@Nullable String message, @Nullable String code) {
		ClientGraphQlResponse response = mock(ClientGraphQlResponse.class);
		if (message == null) {
			given(response.getErrors()).willReturn(List.of());
			return response;
		}
		ResponseError error = mock(ResponseError.class);
		given(error.getMessage()).willReturn(message);
		given(error.getExtensions()).willReturn((code != null) ? Map.of("code", code) : Map.of());
		given(response.getErrors()).willReturn(List.of(error));
		return response;
	}

	private static final class Request extends DefaultGraphQlRequest implements ClientGraphQlRequest {

		private final Map<String, Object> attributes = new ConcurrentHashMap<>();

		Request(String document, @Nullable String operationName, Map<String, @Nullable Object> variables,
				Map<String, Object> extensions) {
			super(document, operationName, variables, extensions);
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.attributes;
		}

	}

}
