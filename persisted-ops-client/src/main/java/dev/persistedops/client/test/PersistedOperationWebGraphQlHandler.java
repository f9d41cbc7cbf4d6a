package dev.persistedops.client.test;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import io.micrometer.context.ContextSnapshotFactory;
import reactor.core.publisher.Mono;

import dev.persistedops.client.PersistedRequestBodies;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.util.Assert;

/**
 * A {@link WebGraphQlHandler} decorator for {@code WebGraphQlTester}, which calls the
 * handler in process with no HTTP body and no client interceptors: each request reaches
 * the application's handler as an id-only request. In process only {@code extensions}
 * travel, so the id is carried there ({@code persistedQuery}), and the document is
 * graphql-java's persisted-query marker, as Spring's server sets it for a request without
 * text.
 */
final class PersistedOperationWebGraphQlHandler implements WebGraphQlHandler {

	private final WebGraphQlHandler delegate;

	private final PersistedRequestBodies bodies;

	PersistedOperationWebGraphQlHandler(WebGraphQlHandler delegate, PersistedRequestBodies bodies) {
		Assert.notNull(delegate, "delegate is required");
		Assert.notNull(bodies, "bodies is required");
		Assert.isTrue(bodies.getConvention().isExtension(),
				() -> "WebGraphQlTester calls the handler in process, where only extensions travel: use the "
						+ "persisted-query convention, not " + bodies.getConvention());
		this.delegate = delegate;
		this.bodies = bodies;
	}

	@Override
	public WebSocketGraphQlInterceptor getWebSocketInterceptor() {
		return this.delegate.getWebSocketInterceptor();
	}

	@Override
	public ContextSnapshotFactory contextSnapshotFactory() {
		return this.delegate.contextSnapshotFactory();
	}

	@Override
	public Mono<WebGraphQlResponse> handleRequest(WebGraphQlRequest request) {
		Map<String, Object> idOnly = this.bodies.idOnly(request.toMap());
		if (idOnly == null) {
			return this.delegate.handleRequest(request);
		}
		Map<String, Object> body = new LinkedHashMap<>(idOnly);
		body.put("query", PersistedQuerySupport.PERSISTED_QUERY_MARKER);
		WebGraphQlRequest persisted = new WebGraphQlRequest(request.getUri().toUri(), request.getHeaders(),
				request.getCookies(), request.getRemoteAddress(), request.getAttributes(), body, request.getId(),
				request.getLocale());
		return this.delegate.handleRequest(persisted);
	}

}
