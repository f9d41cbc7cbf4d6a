package dev.persistedops.web.reactive;

import dev.persistedops.web.GetRequestParameters;

import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The route for GET requests for persisted queries. Order it ahead of Spring for
 * GraphQL's router, which answers every GET on the GraphQL path with 405.
 */
public final class PersistedOperationRoutes {

	private PersistedOperationRoutes() {
	}

	/**
	 * Route GET requests on the GraphQL path whose parameters may carry an operation id.
	 */
	public static RouterFunction<ServerResponse> get(String path, PersistedOperationHttpHandler handler) {
		return RouterFunctions.route()
			.GET(path, (request) -> GetRequestParameters.mayCarryId(request.queryParams().keySet()),
					handler::handleGetRequest)
			.build();
	}

}
