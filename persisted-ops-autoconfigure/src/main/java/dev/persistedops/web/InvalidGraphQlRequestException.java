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
	 * Return the exception that answers a request whose body failed while it was read:
	 * 408 if the server's read timeout cut it off (a client that stopped sending), 400
	 * otherwise.
	 * @param failure what reading the body failed with
	 */
	public static InvalidGraphQlRequestException bodyNotRead(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			// SocketTimeoutException (Tomcat), ReadTimeoutException (Netty), and the like
			if (cause.getClass().getSimpleName().endsWith("TimeoutException")) {
				return new InvalidGraphQlRequestException(HttpStatus.REQUEST_TIMEOUT, "REQUEST_TIMEOUT",
						"The request body was not received in time");
			}
		}
		return new InvalidGraphQlRequestException("The request body could not be read");
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
