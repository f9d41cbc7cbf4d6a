package dev.persistedops.web.reactive;

import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.web.GraphQlRequestReader;
import dev.persistedops.web.InvalidGraphQlRequestException;
import dev.persistedops.web.OperationUrl;
import dev.persistedops.web.RequestLimits;
import dev.persistedops.web.TransportAttributes;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Builds {@link WebGraphQlRequest}s from Spring WebFlux requests, including the ones
 * Spring for GraphQL does not read: POST bodies with an id and no {@code query}, GET
 * requests, and requests on per-operation URLs. The body is buffered up to the size limit
 * and no further (not up to the codecs' {@code spring.codec.max-in-memory-size}). A
 * request that is refused (not a GraphQL request, too large, of the wrong media type) is
 * answered here with its status and a GraphQL-shaped body, and a GET request for anything
 * but a query with 405.
 */
public final class WebFluxGraphQlRequests {

	private final GraphQlRequestReader reader;

	public WebFluxGraphQlRequests(GraphQlRequestReader reader) {
		Assert.notNull(reader, "reader is required");
		this.reader = reader;
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
			.onErrorResume(InvalidGraphQlRequestException.class, WebFluxGraphQlRequests::refusal)
			// WebFlux's error handling would drop the Allow header; Spring MVC's keeps
			// it.
			.onErrorResume(MethodNotAllowedException.class,
					(ex) -> ServerResponse.status(ex.getStatusCode())
						.headers((headers) -> headers.addAll(ex.getHeaders()))
						.build());
	}

	/**
	 * Return the response that answers a refused request.
	 */
	static Mono<ServerResponse> refusal(InvalidGraphQlRequestException ex) {
		return ServerResponse.status(ex.getStatus())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ex.toResponseBody());
	}

	/**
	 * Read the GraphQL request from a POST body; the {@code Mono} fails with
	 * {@link InvalidGraphQlRequestException} if the request is refused.
	 */
	public Mono<WebGraphQlRequest> fromBody(ServerRequest request) {
		String contentType = request.headers().firstHeader(HttpHeaders.CONTENT_TYPE);
		return readBytes(request)
			.map((bytes) -> create(request, this.reader.readBody(contentType, bytes, operationUrl(request))));
	}

	private Mono<byte[]> readBytes(ServerRequest request) {
		RequestLimits limits = this.reader.limits();
		Mono<DataBuffer> body = Mono.defer(() -> {
			limits.checkContentLength(request.headers().contentLength().orElse(-1));
			return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), limits.maxBodyBytes());
		});
		return body.map(WebFluxGraphQlRequests::toBytes)
			.defaultIfEmpty(new byte[0])
			.onErrorMap((ex) -> !(ex instanceof InvalidGraphQlRequestException),
					(ex) -> (ex instanceof DataBufferLimitException) ? limits.bodyTooLarge()
							: InvalidGraphQlRequestException.bodyNotRead(ex));
	}

	private static byte[] toBytes(DataBuffer buffer) {
		byte[] bytes = new byte[buffer.readableByteCount()];
		buffer.read(bytes);
		DataBufferUtils.release(buffer);
		return bytes;
	}

	/**
	 * Read the GraphQL request from the query parameters of a GET request, and mark it as
	 * a GET request so that it may only run a query.
	 */
	public Mono<WebGraphQlRequest> fromQueryParameters(ServerRequest request) {
		return Mono.fromSupplier(() -> {
			Map<String, Object> body = this.reader.readQueryParameters(request.queryParams(), operationUrl(request));
			request.attributes().put(TransportAttributes.GET, Boolean.TRUE);
			return create(request, body);
		});
	}

	private static @Nullable OperationUrl operationUrl(ServerRequest request) {
		return (OperationUrl) request.attributes().get(OperationUrl.ATTRIBUTE);
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
