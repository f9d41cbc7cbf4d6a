package dev.persistedops.web.servlet;

import jakarta.servlet.ServletException;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.util.Assert;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Spring for GraphQL's HTTP handler for Spring MVC, reading the requests it would refuse:
 * POST bodies with an operation id and no {@code query}, and GET requests for persisted
 * queries. Responses are written exactly as the parent writes them, status codes
 * included.
 */
public class PersistedOperationHttpHandler extends GraphQlHttpHandler {

	private final WebGraphQlHandler graphQlHandler;

	private final WebMvcGraphQlRequests requests;

	public PersistedOperationHttpHandler(WebGraphQlHandler graphQlHandler, WebMvcGraphQlRequests requests) {
		super(graphQlHandler);
		Assert.notNull(requests, "requests is required");
		this.graphQlHandler = graphQlHandler;
		this.requests = requests;
	}

	@Override
	public ServerResponse handleRequest(ServerRequest request) throws ServletException {
		return this.requests.handleBody(request,
				(graphQlRequest) -> prepareResponse(request, this.graphQlHandler.handleRequest(graphQlRequest)));
	}

	/**
	 * Handle a GET request for a persisted query.
	 */
	public ServerResponse handleGetRequest(ServerRequest request) throws ServletException {
		return this.requests.handleQueryParameters(request,
				(graphQlRequest) -> prepareResponse(request, this.graphQlHandler.handleRequest(graphQlRequest)));
	}

}
