package dev.persistedops.web.reactive;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.web.TransportAttributes;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlSseHandler;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Spring for GraphQL's SSE handler for WebFlux, also reading POST bodies with an
 * operation id and no {@code query}, so a persisted subscription can be streamed by id.
 */
public class PersistedOperationSseHandler extends GraphQlSseHandler {

	private final WebGraphQlHandler graphQlHandler;

	private final WebFluxGraphQlRequests requests;

	public PersistedOperationSseHandler(WebGraphQlHandler graphQlHandler, WebFluxGraphQlRequests requests,
			@Nullable Duration timeout, @Nullable Duration keepAlive) {
		super(graphQlHandler, timeout, keepAlive);
		Assert.notNull(requests, "requests is required");
		this.graphQlHandler = graphQlHandler;
		this.requests = requests;
	}

	@Override
	public Mono<ServerResponse> handleRequest(ServerRequest request) {
		request.attributes().put(TransportAttributes.EVENT_STREAM, Boolean.TRUE);
		return this.requests.handleBody(request, (graphQlRequest) -> this.graphQlHandler.handleRequest(graphQlRequest)
			.flatMap((response) -> prepareResponse(request, response)));
	}

}
