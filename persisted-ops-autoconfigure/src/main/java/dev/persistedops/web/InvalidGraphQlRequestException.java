package dev.persistedops.web;

import java.util.List;
import java.util.Map;

/**
 * Thrown by the HTTP edge for a request that cannot be read as a GraphQL request at all:
 * malformed JSON, a member of the wrong type. The HTTP edges answer it with status 400
 * and a GraphQL-shaped body carrying the message, which is safe to show to the client.
 */
public class InvalidGraphQlRequestException extends RuntimeException {

	public InvalidGraphQlRequestException(String message) {
		super(message);
	}

	/**
	 * Return the body to answer with: a GraphQL response with one error and no data.
	 */
	public Map<String, Object> toResponseBody() {
		return Map.of("errors", List.of(Map.of("message", getMessage(), "extensions", Map.of("code", "BAD_REQUEST"))));
	}

}
