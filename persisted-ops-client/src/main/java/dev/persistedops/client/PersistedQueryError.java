package dev.persistedops.client;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.GraphQlResponse;
import org.springframework.graphql.ResponseError;

/**
 * The two answers of Apollo's automatic persisted queries protocol that a client acts on,
 * recognised, as Apollo Client recognises them, by the error's message or its
 * {@code extensions.code}.
 */
enum PersistedQueryError {

	/** The server does not know the id: send the text with it. */
	NOT_FOUND("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND"),

	/** The server does not take ids: stop sending them. */
	NOT_SUPPORTED("PersistedQueryNotSupported", "PERSISTED_QUERY_NOT_SUPPORTED");

	private final String message;

	private final String code;

	PersistedQueryError(String message, String code) {
		this.message = message;
		this.code = code;
	}

	/**
	 * Return the error among these that the response reports, if any.
	 */
	static @Nullable PersistedQueryError of(GraphQlResponse response) {
		for (ResponseError error : response.getErrors()) {
			for (PersistedQueryError candidate : values()) {
				if (candidate.matches(error)) {
					return candidate;
				}
			}
		}
		return null;
	}

	private boolean matches(ResponseError error) {
		Map<String, Object> extensions = error.getExtensions();
		return this.message.equals(error.getMessage()) || this.code.equals(extensions.get("code"));
	}

}
