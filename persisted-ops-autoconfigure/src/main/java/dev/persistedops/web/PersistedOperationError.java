package dev.persistedops.web;

import java.util.Map;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import dev.persistedops.store.StoreUnavailableException;

import org.springframework.graphql.ExecutionGraphQlRequest;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The errors clients depend on: each has a fixed {@code extensions.code}, and the
 * messages of {@link #NOT_FOUND} are exact because Apollo Client matches them.
 */
public enum PersistedOperationError {

	/** The id is not in the store. */
	NOT_FOUND("PERSISTED_QUERY_NOT_FOUND", "PersistedQueryNotFound", ErrorType.NOT_FOUND),

	/**
	 * A document was sent with an Apollo hash to register it while automatic persisted
	 * queries are off: Apollo Client then stops hashing.
	 */
	NOT_SUPPORTED("PERSISTED_QUERY_NOT_SUPPORTED", "PersistedQueryNotSupported", ErrorType.BAD_REQUEST),

	/** A document was sent to be registered under a hash that is not its sha256. */
	HASH_MISMATCH("PERSISTED_QUERY_HASH_MISMATCH", "provided sha does not match query", ErrorType.BAD_REQUEST),

	/** A document sent to be registered is larger than the limit. */
	TOO_LARGE("PERSISTED_QUERY_TOO_LARGE", "The document is too large to be registered", ErrorType.BAD_REQUEST),

	/** A document was sent although only persisted operations may run. */
	ONLY_PERSISTED("PERSISTED_QUERY_ONLY",
			"Only persisted operations are allowed: send the id of a persisted document instead of its text",
			ErrorType.FORBIDDEN),

	/** The id breaks the id rule; the message names the rule. */
	ID_INVALID("PERSISTED_QUERY_ID_INVALID", "The operation id is not valid", ErrorType.BAD_REQUEST),

	/** The request carries both an id and a document, and they disagree. */
	DOCUMENT_MISMATCH("PERSISTED_QUERY_DOCUMENT_MISMATCH",
			"The document sent is not the one persisted under this id: send only the id", ErrorType.BAD_REQUEST),

	/**
	 * The store could not be asked: a failure of the server, not of the request, so
	 * answered 503 under {@code application/graphql-response+json}.
	 */
	STORE_UNAVAILABLE("PERSISTED_QUERY_STORE_UNAVAILABLE",
			"Persisted operations cannot be looked up right now; try again later", ErrorType.INTERNAL_ERROR,
			HttpStatus.SERVICE_UNAVAILABLE);

	private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	private final String code;

	private final String message;

	private final ErrorClassification classification;

	private final @Nullable HttpStatus graphQlResponseStatus;

	PersistedOperationError(String code, String message, ErrorClassification classification) {
		this(code, message, classification, null);
	}

	PersistedOperationError(String code, String message, ErrorClassification classification,
			@Nullable HttpStatus graphQlResponseStatus) {
		this.code = code;
		this.message = message;
		this.classification = classification;
		this.graphQlResponseStatus = graphQlResponseStatus;
	}

	/**
	 * Return the HTTP status that the edges answer with, on Spring MVC and WebFlux alike,
	 * when the response is one of these errors whose status is not Spring for GraphQL's
	 * (200 with {@code application/json}; 400 with
	 * {@code application/graphql-response+json} when there is no data). Only
	 * {@link #STORE_UNAVAILABLE} has one, 503 with
	 * {@code application/graphql-response+json}: monitoring must not count an outage as
	 * bad requests. With {@code application/json} Spring's 200 stays, which older clients
	 * expect.
	 * @param response the response to write
	 * @param responseType the media type it is written as
	 * @return the status, or {@code null} to keep Spring for GraphQL's
	 */
	public static @Nullable HttpStatus httpStatusOf(WebGraphQlResponse response, MediaType responseType) {
		if (!GRAPHQL_RESPONSE.equalsTypeAndSubtype(responseType) || response.getExecutionResult().isDataPresent()
				|| response.getErrors().size() != 1) {
			return null;
		}
		Object code = response.getErrors().get(0).getExtensions().get("code");
		for (PersistedOperationError error : values()) {
			if (error.code.equals(code)) {
				return error.graphQlResponseStatus;
			}
		}
		return null;
	}

	/**
	 * Return the answer to a request whose store could not be asked:
	 * {@link #STORE_UNAVAILABLE}, with {@code Retry-After} when the store said when to
	 * ask again.
	 * @param request the request
	 * @param failure why the store could not be asked
	 */
	public static WebGraphQlResponse storeUnavailable(WebGraphQlRequest request, @Nullable Throwable failure) {
		WebGraphQlResponse response = STORE_UNAVAILABLE.toResponse(request);
		if (failure instanceof StoreUnavailableException unavailable && unavailable.getRetryAfter() != null) {
			long millis = unavailable.getRetryAfter().toMillis();
			// Whole seconds, rounded up, and at least one: "0" would invite a retry
			// storm.
			response.getResponseHeaders()
				.set(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, (millis + 999) / 1000)));
		}
		return response;
	}

	/**
	 * Return the value of {@code extensions.code}.
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Return the message clients see.
	 */
	public String message() {
		return this.message;
	}

	/**
	 * Whether the given response is this error.
	 */
	public boolean matches(WebGraphQlResponse response) {
		return response.getErrors().stream().anyMatch((error) -> this.code.equals(error.getExtensions().get("code")));
	}

	/**
	 * Return this error as the whole response to the given request: no data, one error.
	 */
	public WebGraphQlResponse toResponse(WebGraphQlRequest request) {
		return toResponse(request, this.message);
	}

	/**
	 * Return this error, with the given message, as the whole response to the given
	 * request.
	 */
	public WebGraphQlResponse toResponse(WebGraphQlRequest request, String message) {
		WebGraphQlResponse response = new WebGraphQlResponse(
				toExecutionResponse(request, message, Transport.of(request) == Transport.SSE));
		// As Apollo Server does: a CDN in front of GET requests must not keep a miss
		// or a refusal.
		response.getResponseHeaders().setCacheControl("private, no-cache, must-revalidate");
		return response;
	}

	/**
	 * Return this error, with the given message, as the whole response to a request that
	 * did not come over HTTP or WebSocket.
	 */
	public ExecutionGraphQlResponse toExecutionResponse(ExecutionGraphQlRequest request, String message) {
		return toExecutionResponse(request, message, false);
	}

	private ExecutionGraphQlResponse toExecutionResponse(ExecutionGraphQlRequest request, String message,
			boolean asEventStream) {
		GraphQLError error = GraphqlErrorBuilder.newError()
			.message(message)
			.errorType(this.classification)
			.extensions(Map.of("code", this.code))
			.build();
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
		if (asEventStream) {
			// Spring for GraphQL's SSE handler forwards only streams and answers
			// anything else with "SSE handler supports only subscriptions": send a
			// one-event stream.
			result = ExecutionResult.newExecutionResult().data(Flux.just(result)).build();
		}
		return new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result);
	}

}
