package dev.persistedops.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.InvalidOperationIdException;
import dev.persistedops.document.OperationId;
import dev.persistedops.execution.GetOperationRule;
import dev.persistedops.execution.PersistedDocumentProvider;
import dev.persistedops.store.OperationDocumentStore;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.web.server.MethodNotAllowedException;

/**
 * Swaps an operation id for the stored document, and enforces only-persisted mode.
 * <ul>
 * <li>A request that names an id runs the stored document, or gets
 * {@code PersistedQueryNotFound}. If it also sent a document, that text must be the stored
 * one: the id decides what runs, and a different text is refused.</li>
 * <li>A request that sent only a document runs it if the {@link OnlyPersistedPolicy} allows.</li>
 * <li>A GET request (marked by the HTTP edge) runs only queries, stored or sent; anything else
 * is answered with 405.</li>
 * </ul>
 * It runs first in the chain ({@link #ORDER}) and hands the rest of the chain a request whose
 * document is the stored text, so later interceptors see what will run.
 */
public class PersistedOperationInterceptor implements WebGraphQlInterceptor, Ordered {

	/** The order of this interceptor: ahead of the application's own interceptors. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	/** The request attribute by which the HTTP edge marks a GET request. */
	public static final String GET_REQUEST_ATTRIBUTE = PersistedOperationInterceptor.class.getName() + ".GET";

	private static final Log logger = LogFactory.getLog(PersistedOperationInterceptor.class);

	private final OperationIdResolver idResolver;

	private final OperationDocumentStore store;

	private final OnlyPersistedPolicy policy;

	private final GetOperationRule getRule;

	public PersistedOperationInterceptor(OperationIdResolver idResolver, OperationDocumentStore store,
			OnlyPersistedPolicy policy, GetOperationRule getRule) {
		Assert.notNull(idResolver, "idResolver is required");
		Assert.notNull(store, "store is required");
		Assert.notNull(policy, "policy is required");
		Assert.notNull(getRule, "getRule is required");
		this.idResolver = idResolver;
		this.store = store;
		this.policy = policy;
		this.getRule = getRule;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		OperationId id;
		try {
			id = this.idResolver.resolve(request);
		}
		catch (InvalidOperationIdException ex) {
			return Mono.just(PersistedOperationError.ID_INVALID.toResponse(request, ex.getMessage()));
		}
		if (id == null) {
			return runSentDocument(request, chain);
		}
		return this.store.findDocument(id)
			.map(Lookup::found)
			.defaultIfEmpty(Lookup.MISSING)
			.onErrorResume((ex) -> {
				logger.warn("The persisted document store failed to look up '" + id + "'", ex);
				return Mono.just(Lookup.UNAVAILABLE);
			})
			.flatMap((lookup) -> switch (lookup.outcome()) {
				case FOUND -> runStoredDocument(request, id, lookup.text(), chain);
				case MISSING -> Mono.just(PersistedOperationError.NOT_FOUND.toResponse(request));
				case UNAVAILABLE -> Mono.just(PersistedOperationError.STORE_UNAVAILABLE.toResponse(request));
			});
	}

	private Mono<WebGraphQlResponse> runSentDocument(WebGraphQlRequest request, Chain chain) {
		if (PersistedRequestBody.isPlaceholder(request.getDocument())) {
			return Mono.just(PersistedOperationError.ID_INVALID.toResponse(request,
					"The request carries neither a document nor an operation id"));
		}
		if (!allowedOverGet(request, request.getDocument())) {
			return Mono.error(getNotAllowed());
		}
		return this.policy.allowsDocument(request)
			.flatMap((allowed) -> allowed ? chain.next(request)
					: Mono.just(PersistedOperationError.ONLY_PERSISTED.toResponse(request)));
	}

	private Mono<WebGraphQlResponse> runStoredDocument(WebGraphQlRequest request, OperationId id, String text,
			Chain chain) {
		String sent = request.getDocument();
		if (!PersistedRequestBody.isPlaceholder(sent) && !sent.equals(text)) {
			return Mono.just(PersistedOperationError.DOCUMENT_MISMATCH.toResponse(request));
		}
		if (!allowedOverGet(request, text)) {
			return Mono.error(getNotAllowed());
		}
		return chain.next(withDocument(request, id, text));
	}

	private boolean allowedOverGet(WebGraphQlRequest request, String document) {
		return !request.getAttributes().containsKey(GET_REQUEST_ATTRIBUTE)
				|| this.getRule.allows(document, request.getOperationName());
	}

	private static MethodNotAllowedException getNotAllowed() {
		return new MethodNotAllowedException(HttpMethod.GET, Set.of(HttpMethod.POST));
	}

	private static WebGraphQlRequest withDocument(WebGraphQlRequest request, OperationId id, String text) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", text);
		putIfPresent(body, "operationName", request.getOperationName());
		putIfPresent(body, "variables", request.getVariables());
		Map<String, Object> extensions = new LinkedHashMap<>(request.getExtensions());
		extensions.remove(PersistedRequestBody.ID_CARRIER);
		body.put("extensions", extensions);
		WebGraphQlRequest result = (request instanceof WebSocketGraphQlRequest webSocketRequest)
				? new WebSocketGraphQlRequest(request.getUri().toUri(), request.getHeaders(), request.getCookies(),
						request.getRemoteAddress(), request.getAttributes(), body, request.getId(),
						request.getLocale(), webSocketRequest.getSessionInfo())
				: new WebGraphQlRequest(request.getUri().toUri(), request.getHeaders(), request.getCookies(),
						request.getRemoteAddress(), request.getAttributes(), body, request.getId(),
						request.getLocale());
		if (request.getExecutionId() != null) {
			result.executionId(request.getExecutionId());
		}
		result.configureExecutionInput((input, builder) -> builder
			.graphQLContext(Map.of(PersistedDocumentProvider.PERSISTED_ID_KEY, id.value()))
			.build());
		return result;
	}

	private static void putIfPresent(Map<String, Object> body, String key, @Nullable Object value) {
		if (value != null) {
			body.put(key, value);
		}
	}

	private record Lookup(Outcome outcome, String text) {

		static final Lookup MISSING = new Lookup(Outcome.MISSING, "");

		static final Lookup UNAVAILABLE = new Lookup(Outcome.UNAVAILABLE, "");

		static Lookup found(String text) {
			return new Lookup(Outcome.FOUND, text);
		}

		enum Outcome {

			FOUND, MISSING, UNAVAILABLE

		}

	}

}
