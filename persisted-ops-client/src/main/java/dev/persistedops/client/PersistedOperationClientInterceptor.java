package dev.persistedops.client;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.client.ClientGraphQlRequest;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClientInterceptor;
import org.springframework.graphql.client.SyncGraphQlClientInterceptor;
import org.springframework.util.Assert;

/**
 * Sends each request of a Spring for GraphQL client as an operation id instead of its
 * document text, for the synchronous and the reactive clients alike.
 * <p>
 * With automatic persisted queries on (Apollo's protocol,
 * {@link IdConvention#PERSISTED_QUERY} only), a {@code PersistedQueryNotFound} answer is
 * followed, once, by the same request with the text and the hash, and a
 * {@code PersistedQueryNotSupported} answer makes this interceptor send the request again
 * as text and stop sending ids for good, as Apollo Client does. With GET for queries on,
 * a query's id-only request goes by GET (the client's HTTP hook does the rewriting);
 * mutations, subscriptions and requests that carry text go by POST.
 * <p>
 * One instance belongs to one client: it remembers whether that client's server supports
 * ids.
 */
public final class PersistedOperationClientInterceptor
		implements GraphQlClientInterceptor, SyncGraphQlClientInterceptor {

	private final OperationIds ids;

	private final IdConvention convention;

	private final boolean automaticPersistedQueries;

	private final boolean getForQueries;

	private final QueryDetector queries = new QueryDetector();

	private volatile boolean idsNotSupported;

	/**
	 * Create an interceptor.
	 * @param ids how documents get their ids
	 * @param convention where the id travels
	 * @param automaticPersistedQueries whether to register unknown documents (Apollo's
	 * APQ; only with {@link IdConvention#PERSISTED_QUERY})
	 * @param getForQueries whether queries go by GET
	 */
	public PersistedOperationClientInterceptor(OperationIds ids, IdConvention convention,
			boolean automaticPersistedQueries, boolean getForQueries) {
		Assert.notNull(ids, "ids is required");
		Assert.notNull(convention, "convention is required");
		Assert.isTrue(!automaticPersistedQueries || convention == IdConvention.PERSISTED_QUERY,
				() -> "Automatic persisted queries are Apollo's protocol and need the PERSISTED_QUERY convention, not "
						+ convention);
		this.ids = ids;
		this.convention = convention;
		this.automaticPersistedQueries = automaticPersistedQueries;
		this.getForQueries = getForQueries;
	}

	@Override
	public Mono<ClientGraphQlResponse> intercept(ClientGraphQlRequest request, GraphQlClientInterceptor.Chain chain) {
		PersistedClientGraphQlRequest idOnly = idOnly(request);
		if (idOnly == null) {
			return chain.next(request);
		}
		String query = getQueryString(idOnly);
		if (query != null) {
			idOnly.getAttributes().put(GetRequests.ATTRIBUTE, query);
		}
		return chain.next(idOnly).flatMap((response) -> {
			ClientGraphQlRequest retry = retryFor(response, request, idOnly);
			return (retry != null) ? chain.next(retry) : Mono.just(response);
		});
	}

	@Override
	public ClientGraphQlResponse intercept(ClientGraphQlRequest request, SyncGraphQlClientInterceptor.Chain chain) {
		PersistedClientGraphQlRequest idOnly = idOnly(request);
		if (idOnly == null) {
			return chain.next(request);
		}
		String query = getQueryString(idOnly);
		ClientGraphQlResponse response = (query != null) ? GetRequests.whilePending(query, () -> chain.next(idOnly))
				: chain.next(idOnly);
		ClientGraphQlRequest retry = retryFor(response, request, idOnly);
		return (retry != null) ? chain.next(retry) : response;
	}

	@Override
	public Flux<ClientGraphQlResponse> interceptSubscription(ClientGraphQlRequest request, SubscriptionChain chain) {
		PersistedClientGraphQlRequest idOnly = idOnly(request);
		return chain.next((idOnly != null) ? idOnly : request);
	}

	/**
	 * Whether a {@code PersistedQueryNotSupported} answer made this interceptor stop
	 * sending ids.
	 */
	public boolean isStopped() {
		return this.idsNotSupported;
	}

	private @Nullable PersistedClientGraphQlRequest idOnly(ClientGraphQlRequest request) {
		if (this.idsNotSupported || request instanceof PersistedClientGraphQlRequest) {
			return null;
		}
		String id = this.ids.idOf(request.getDocument());
		return (id != null) ? PersistedClientGraphQlRequest.idOnly(request, id, this.convention) : null;
	}

	private @Nullable String getQueryString(PersistedClientGraphQlRequest idOnly) {
		if (!this.getForQueries || !this.queries.isQuery(idOnly.getOriginalDocument(), idOnly.getOperationName())) {
			return null;
		}
		return GetRequests.queryString(idOnly.toMap());
	}

	private @Nullable ClientGraphQlRequest retryFor(ClientGraphQlResponse response, ClientGraphQlRequest original,
			PersistedClientGraphQlRequest idOnly) {
		if (!this.automaticPersistedQueries) {
			return null;
		}
		PersistedQueryError error = PersistedQueryError.of(response);
		if (error == PersistedQueryError.NOT_FOUND) {
			return PersistedClientGraphQlRequest.withDocument(original, idOnly.getId(), this.convention);
		}
		if (error == PersistedQueryError.NOT_SUPPORTED) {
			this.idsNotSupported = true;
			return original;
		}
		return null;
	}

}
