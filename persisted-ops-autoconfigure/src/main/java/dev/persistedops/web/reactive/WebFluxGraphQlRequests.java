package dev.persistedops.web.reactive;

import java.util.Map;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import dev.persistedops.web.GetRequestParameters;
import dev.persistedops.web.InvalidGraphQlRequestException;
import dev.persistedops.web.PersistedRequestBody;
import dev.persistedops.web.TransportAttributes;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

/**
 * Builds {@link WebGraphQlRequest}s from Spring WebFlux requests, including the ones
 * Spring for GraphQL does not read: POST bodies with an id and no {@code query}, and GET
 * requests. A request that is not a GraphQL request at all is answered here, with 400,
 * and a GET request for anything but a query with 405.
 */
public final class WebFluxGraphQlRequests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final PersistedRequestBody body;

	private final GetRequestParameters getParameters;

	public WebFluxGraphQlRequests(PersistedRequestBody body, GetRequestParameters getParameters) {
		Assert.notNull(body, "body is required");
		Assert.notNull(getParameters, "getParameters is required");
		this.body = body;
		this.getParameters = getParameters;
	}

	/**
	 * Read the GraphQL request from a POST body and answer it with the given responder.
	 */
	public Mono<ServerResponse> handleBody(ServerRequest request,
			Function<WebGraphQlRequest, Mono<ServerResponse>> responder) {
		return handle(fromBody(request), responder);
	}

	/**
	 * Read the GraphQL request from the query parameters of a GET request and answer it
	 * with the given responder.
	 */
	public Mono<ServerResponse> handleQueryParameters(ServerRequest request,
			Function<WebGraphQlRequest, Mono<ServerResponse>> responder) {
		return handle(fromQueryParameters(request), responder);
	}

	private static Mono<ServerResponse> handle(Mono<WebGraphQlRequest> graphQlRequest,
			Function<WebGraphQlRequest, Mono<ServerResponse>> responder) {
		return graphQlRequest.flatMap(responder)
			.onErrorResume(InvalidGraphQlRequestException.class,
					(ex) -> ServerResponse.badRequest()
						.contentType(MediaType.APPLICATION_JSON)
						.bodyValue(ex.toResponseBody()))
			// WebFlux's error handling would drop the Allow header; Spring MVC's
			// keeps it.
			.onErrorResume(MethodNotAllowedException.class,
					(ex) -> ServerResponse.status(ex.getStatusCode())
						.headers((headers) -> headers.addAll(ex.getHeaders()))
						.build());
	}

	/**
	 * Read the GraphQL request from a POST body; the {@code Mono} fails with
	 * {@link InvalidGraphQlRequestException} if the body is not a GraphQL request.
	 */
	public Mono<WebGraphQlRequest> fromBody(ServerRequest request) {
		return request.bodyToMono(JSON_OBJECT)
			.onErrorResume(UnsupportedMediaTypeStatusException.class, (ex) -> readApplicationGraphQl(request, ex))
			.onErrorMap(ServerWebInputException.class,
					(ex) -> new InvalidGraphQlRequestException("The request body is not a JSON object"))
			.switchIfEmpty(Mono.error(() -> new InvalidGraphQlRequestException("The request body is empty")))
			.map((raw) -> create(request, this.body.normalize(raw)));
	}

	// As Spring for GraphQL does: some clients still send JSON as application/graphql.
	private static Mono<Map<String, Object>> readApplicationGraphQl(ServerRequest request,
			UnsupportedMediaTypeStatusException ex) {
		if (request.headers().contentType().filter(PersistedRequestBody.APPLICATION_GRAPHQL::includes).isEmpty()) {
			return Mono.error(ex);
		}
		return ServerRequest.from(request)
			.headers((headers) -> headers.setContentType(MediaType.APPLICATION_JSON))
			.body(request.bodyToFlux(DataBuffer.class))
			.build()
			.bodyToMono(JSON_OBJECT);
	}

	/**
	 * Read the GraphQL request from the query parameters of a GET request, and mark it as
	 * a GET request so that it may only run a query.
	 */
	public Mono<WebGraphQlRequest> fromQueryParameters(ServerRequest request) {
		return Mono.fromSupplier(() -> {
			Map<String, Object> body = this.body.normalize(this.getParameters.toBody(request.queryParams()));
			request.attributes().put(TransportAttributes.GET, Boolean.TRUE);
			return create(request, body);
		});
	}

	private static WebGraphQlRequest create(ServerRequest request, Map<String, Object> body) {
		try {
			return new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(), request.cookies(),
					request.remoteAddress().orElse(null), request.attributes(), body,
					request.exchange().getRequest().getId(), request.exchange().getLocaleContext().getLocale());
		}
		catch (ServerWebInputException ex) {
			throw new InvalidGraphQlRequestException("The request has no 'query' and no operation id");
		}
	}

}
