package dev.persistedops.web;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.util.Assert;

/**
 * Decides whether a request that sent a document (rather than an id) may run it: always
 * when only-persisted mode is off; otherwise only when a
 * {@link NonPersistedOperationOverride} allows that request. An override that fails
 * refuses.
 */
public final class OnlyPersistedPolicy {

	private static final Log logger = LogFactory.getLog(OnlyPersistedPolicy.class);

	private final boolean onlyPersisted;

	private final List<NonPersistedOperationOverride> overrides;

	public OnlyPersistedPolicy(boolean onlyPersisted, List<NonPersistedOperationOverride> overrides) {
		Assert.notNull(overrides, "overrides is required");
		this.onlyPersisted = onlyPersisted;
		this.overrides = List.copyOf(overrides);
	}

	/**
	 * Whether only persisted operations may run, unless an override says otherwise.
	 */
	public boolean isOnlyPersisted() {
		return this.onlyPersisted;
	}

	/**
	 * Decide whether the request may run the document it sent.
	 */
	public Mono<Boolean> allowsDocument(WebGraphQlRequest request) {
		if (!this.onlyPersisted) {
			return Mono.just(true);
		}
		return Flux.fromIterable(this.overrides)
			.concatMap((override) -> ask(override, request))
			.any(Boolean::booleanValue);
	}

	private static Mono<Boolean> ask(NonPersistedOperationOverride override, WebGraphQlRequest request) {
		return Mono.defer(() -> override.allows(request)).onErrorResume((ex) -> {
			logger.warn("Override " + override + " failed; refusing the non-persisted document", ex);
			return Mono.just(false);
		});
	}

}
