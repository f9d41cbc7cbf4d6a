package dev.persistedops.web.servlet;

import java.time.Duration;

import jakarta.servlet.ServletException;

import org.jspecify.annotations.Nullable;

import dev.persistedops.web.TransportAttributes;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlSseHandler;
import org.springframework.util.Assert;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Spring for GraphQL's SSE handler for Spring MVC, also reading POST bodies with an
 * operation id and no {@code query}, so a persisted subscription can be streamed by id.
 */
public class PersistedOperationSseHandler extends GraphQlSseHandler {

	private final WebGraphQlHandler graphQlHandler;

	private final WebMvcGraphQlRequests requests;

	public PersistedOperationSseHandler(WebGraphQlHandler graphQlHandler, WebMvcGraphQlRequests requests,
			@Nullable Duration timeout, @Nullable Duration keepAlive) {
		super(graphQlHandler, timeout, keepAlive);
		Assert.notNull(requests, "requests is required");
		this.graphQlHandler = graphQlHandler;
		this.requests = requests;
	}

	@Override
	public ServerResponse handleRequest(ServerRequest request) throws ServletException {
		request.attributes().put(TransportAttributes.EVENT_STREAM, Boolean.TRUE);
		return this.requests.handleBody(request,
				(graphQlRequest) -> prepareResponse(request, this.graphQlHandler.handleRequest(graphQlRequest)));
	}

}
