package dev.persistedops.publish;

import java.util.Map;

/**
 * What a publishing endpoint answers: an HTTP status and a JSON body.
 *
 * @param status the HTTP status
 * @param body the JSON body
 */
public record EndpointResponse(int status, Map<String, Object> body) {

	public EndpointResponse {
		body = Map.copyOf(body);
	}

	/**
	 * Return an error answer, {@code {"error": {"message": "..."}}}, the shape
	 * relay-compiler reports.
	 */
	public static EndpointResponse error(int status, String message) {
		return new EndpointResponse(status, Map.of("error", Map.of("message", message)));
	}

	/**
	 * Return the answer to a body larger than the limit.
	 */
	public static EndpointResponse tooLarge(long maxBytes) {
		return error(413, "The request body is larger than " + maxBytes + " bytes");
	}

}
