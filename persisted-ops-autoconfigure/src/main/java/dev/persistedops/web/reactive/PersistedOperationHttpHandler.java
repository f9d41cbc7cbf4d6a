package dev.persistedops.web.reactive;

import reactor.core.publisher.Mono;

import dev.persistedops.web.GetResponseCachePolicy;
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
 * POST bodies with an operation id and no {@code query}, GET requests for persisted
 * queries, and requests on per-operation URLs. Responses are written exactly as the
 * parent writes them, status codes included; responses to GET requests also get the cache
 * headers of the {@link GetResponseCachePolicy}, or are answered 304.
 */
public class PersistedOperationHttpHandler extends GraphQlHttpHandler {

	private final WebGraphQlHandler graphQlHandler;

	private final WebFluxGraphQlRequests requests;

	private final GetResponseCachePolicy cachePolicy;

	public PersistedOperationHttpHandler(WebGraphQlHandler graphQlHandler, WebFluxGraphQlRequests requests,
			GetResponseCachePolicy cachePolicy) {
		super(graphQlHandler);
		Assert.notNull(requests, "requests is required");
		Assert.notNull(cachePolicy, "cachePolicy is required");
		this.graphQlHandler = graphQlHandler;
		this.requests = requests;
		this.cachePolicy = cachePolicy;
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
					.flatMap((response) -> this.cachePolicy.applyTo(graphQlRequest, response)
							? ServerResponse.status(HttpStatus.NOT_MODIFIED)
								.headers((headers) -> headers.putAll(response.getResponseHeaders()))
								.build()
							: prepareResponse(request, response)));
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
