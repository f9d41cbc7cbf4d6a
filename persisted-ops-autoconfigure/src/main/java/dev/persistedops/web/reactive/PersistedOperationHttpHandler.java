package dev.persistedops.web.reactive;

import reactor.core.publisher.Mono;

import dev.persistedops.web.InvalidGraphQlRequestException;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.webflux.GraphQlHttpHandler;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;

/**
 * Spring for GraphQL's HTTP handler for WebFlux, reading the requests it would refuse: POST
 * bodies with an operation id and no {@code query}, and GET requests for persisted queries.
 * Responses are written exactly as the parent writes them, status codes included.
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
		return handle(request, this.requests.fromBody(request));
	}

	/**
	 * Handle a GET request for a persisted query.
	 */
	public Mono<ServerResponse> handleGetRequest(ServerRequest request) {
		return handle(request, this.requests.fromQueryParameters(request));
	}

	private Mono<ServerResponse> handle(ServerRequest request, Mono<WebGraphQlRequest> graphQlRequest) {
		return graphQlRequest
			.flatMap((readRequest) -> this.graphQlHandler.handleRequest(readRequest)
				.flatMap((response) -> prepareResponse(request, response)))
			.onErrorResume(InvalidGraphQlRequestException.class,
					(ex) -> ServerResponse.badRequest()
						.contentType(MediaType.APPLICATION_JSON)
						.bodyValue(ex.toResponseBody()))
			// WebFlux's error handling would drop the Allow header; Spring MVC's keeps it.
			.onErrorResume(MethodNotAllowedException.class,
					(ex) -> ServerResponse.status(ex.getStatusCode()).headers((headers) -> headers.addAll(ex.getHeaders())).build());
	}

}
