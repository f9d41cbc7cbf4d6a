package dev.persistedops.web.reactive;

import reactor.core.publisher.Mono;

import dev.persistedops.web.GetRequestParameters;
import dev.persistedops.web.OperationUrl;

import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The routes of the persisted operations edge. Order them ahead of Spring for GraphQL's
 * router, which answers every GET on the GraphQL path with 405.
 */
public final class PersistedOperationRoutes {

	private PersistedOperationRoutes() {
	}

	/**
	 * Route GET requests on the GraphQL path whose parameters may carry an operation id.
	 */
	public static RouterFunction<ServerResponse> get(String path, PersistedOperationHttpHandler handler) {
		// Every request on the GraphQL path passes this route on its way to Spring's: a
		// plain function, which turns anything but a GET away first.
		RequestPredicate get = RequestPredicates.method(HttpMethod.GET);
		PathPattern pattern = PathPatternParser.defaultInstance.parse(path);
		Mono<HandlerFunction<ServerResponse>> route = Mono.just(handler::handleGetRequest);
		return (request) -> (get.test(request) && pattern.matches(request.requestPath().pathWithinApplication())
				&& GetRequestParameters.mayCarryId(request.queryParams().keySet())) ? route : Mono.empty();
	}

	/**
	 * Route GET and POST requests on the {@linkplain OperationUrl per-operation URLs}
	 * under the GraphQL path.
	 */
	public static RouterFunction<ServerResponse> operationUrls(String path, PersistedOperationHttpHandler handler) {
		// Every request on the GraphQL path passes this route on its way to Spring's: the
		// path is looked at once, as a string, rather than matched against a pattern.
		RequestPredicate operationUrl = (request) -> OperationUrl.parse(path, request.path()) != null;
		return RouterFunctions.route()
			.route(RequestPredicates.method(HttpMethod.GET).and(operationUrl),
					withOperationUrl(path, handler::handleGetRequest))
			.route(RequestPredicates.method(HttpMethod.POST).and(operationUrl),
					withOperationUrl(path, handler::handleRequest))
			.build();
	}

	private static HandlerFunction<ServerResponse> withOperationUrl(String path,
			HandlerFunction<ServerResponse> handler) {
		return (request) -> {
			OperationUrl url = OperationUrl.parse(path, request.path());
			if (url != null) {
				request.attributes().put(OperationUrl.ATTRIBUTE, url);
			}
			return handler.handle(request);
		};
	}

}
