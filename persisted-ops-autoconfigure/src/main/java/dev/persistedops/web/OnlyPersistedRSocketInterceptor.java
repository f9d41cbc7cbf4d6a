package dev.persistedops.web;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.RSocketGraphQlInterceptor;
import org.springframework.graphql.server.RSocketGraphQlRequest;
import org.springframework.graphql.server.RSocketGraphQlResponse;
import org.springframework.util.Assert;

/**
 * Keeps only-persisted mode from being bypassed over RSocket, where Spring for GraphQL
 * runs no {@code WebGraphQlInterceptor}. Ids over RSocket are not supported yet and the
 * override hook needs a web request, so while only persisted operations may run, every
 * GraphQL request over RSocket is refused with {@code PERSISTED_QUERY_ONLY}.
 */
public class OnlyPersistedRSocketInterceptor implements RSocketGraphQlInterceptor {

	static final String MESSAGE = "Only persisted operations are allowed, and GraphQL over RSocket "
			+ "does not support persisted operations yet";

	private final OnlyPersistedPolicy policy;

	public OnlyPersistedRSocketInterceptor(OnlyPersistedPolicy policy) {
		Assert.notNull(policy, "policy is required");
		this.policy = policy;
	}

	@Override
	public Mono<RSocketGraphQlResponse> intercept(RSocketGraphQlRequest request, Chain chain) {
		if (!this.policy.isOnlyPersisted()) {
			return chain.next(request);
		}
		return Mono.just(new RSocketGraphQlResponse(
				PersistedOperationError.ONLY_PERSISTED.toExecutionResponse(request, MESSAGE)));
	}

}
