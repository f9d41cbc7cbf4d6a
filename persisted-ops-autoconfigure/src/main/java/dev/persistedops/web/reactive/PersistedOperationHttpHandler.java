package dev.persistedops.web.reactive;

import reactor.core.publisher.Mono;

import dev.persistedops.web.PersistedOperationError;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Spring for GraphQL's HTTP handler for WebFlux, reading the requests it would refuse:
 * POST bodies with an operation id and no {@code query}, and GET requests for persisted
 * queries. Responses are written exactly as the parent writes them, status codes
 * included.
 */
public class PersistedOperationHttpHandler extends GraphQlHttpHandler {

	private final WebGraphQlHandler graphQlHandler;

	private final WebFluxGraphQlRequests requests;

	public PersistedOperationHttpHandler(WebGraphQlHandler graphQlHandler, WebFluxGraphQlRequests requests) {
		super(graphQlHandler);
		Assert.notNull(requests, "requests is required");
		this.graphQlHandler = graphQlHandler;
		this.requests = requests;
	}

	@Override
	public Mono<ServerResponse> handleRequest(ServerRequest request) {
		return this.requests.handleBody(request, (graphQlRequest) -> this.graphQlHandler.handleRequest(graphQlRequest)
			.flatMap((response) -> prepareResponse(request, response)));
	}

	/**
	 * Handle a GET request for a persisted query.
	 */
	public Mono<ServerResponse> handleGetRequest(ServerRequest request) {
		return this.requests.handleQueryParameters(request,
				(graphQlRequest) -> this.graphQlHandler.handleRequest(graphQlRequest)
					.flatMap((response) -> prepareResponse(request, response)));
	}

	/**
	 * Answer an unavailable store 503 under application/graphql-response+json, as
	 * {@link PersistedOperationError#httpStatusOf} decides for both web stacks.
	 */
	@Override
	protected HttpStatus selectResponseStatus(WebGraphQlResponse response, MediaType responseMediaType) {
		HttpStatus status = PersistedOperationError.httpStatusOf(response, responseMediaType);
		return (status != null) ? status : super.selectResponseStatus(response, responseMediaType);
	}

}
