package dev.persistedops.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;

/**
 * Thrown by the HTTP edge for a request that cannot be read as a GraphQL request at all:
 * malformed JSON, a member of the wrong type, a body too large or of a media type that is
 * not read. The HTTP edges answer it with its status (400 unless said otherwise) and a
 * GraphQL-shaped body carrying the message, which is safe to show to the client.
 */
public class InvalidGraphQlRequestException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	public InvalidGraphQlRequestException(String message) {
		this(HttpStatus.BAD_REQUEST, "BAD_REQUEST", message);
	}

	/**
	 * Create an exception answered with the given status and {@code extensions.code}.
	 */
	public InvalidGraphQlRequestException(HttpStatus status, String code, String message) {
		super(message);
		Assert.isTrue(status.is4xxClientError(), "status must be a client error");
		Assert.hasText(code, "code is required");
		this.status = status;
		this.code = code;
	}

	/**
	 * Return the HTTP status to answer with.
	 */
	public HttpStatus getStatus() {
		return this.status;
	}

	/**
	 * Return the value of {@code extensions.code} in the body.
	 */
	public String getCode() {
		return this.code;
	}

	/**
	 * Return the body to answer with: a GraphQL response with one error and no data.
	 */
	public Map<String, Object> toResponseBody() {
		return Map.of("errors", List.of(Map.of("message", getMessage(), "extensions", Map.of("code", this.code))));
	}

}
