package dev.persistedops.web;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.persistedops.execution.SafelistIndex;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.util.Assert;

/**
 * Decides what happens to a document a request sent instead of an id, by the
 * {@link EnforcementMode}: it runs ({@code off}); it runs and is reported
 * ({@code audit}); it runs as the stored document it matches ({@code safelist});
 * otherwise, in {@code safelist} and {@code enforce} modes, it runs only if a
 * {@link NonPersistedOperationOverride} allows that request. An override that fails
 * refuses.
 */
public final class OnlyPersistedPolicy {

	private static final Log logger = LogFactory.getLog(OnlyPersistedPolicy.class);

	private final EnforcementMode mode;

	private final List<NonPersistedOperationOverride> overrides;

	private final @Nullable SafelistIndex safelist;

	private final @Nullable NonPersistedDocumentAuditor auditor;

	/**
	 * Create a policy that enforces, or does nothing.
	 * @param onlyPersisted whether only persisted documents may run ({@code enforce}) or
	 * every document ({@code off})
	 * @param overrides the overrides that may allow a request anyway
	 */
	public OnlyPersistedPolicy(boolean onlyPersisted, List<NonPersistedOperationOverride> overrides) {
		this(onlyPersisted ? EnforcementMode.ENFORCE : EnforcementMode.OFF, overrides, null, null);
	}

	/**
	 * Create a policy.
	 * @param mode the enforcement mode
	 * @param overrides the overrides that may allow a request anyway
	 * @param safelist the stored documents a sent one may match; required in safelist
	 * mode
	 * @param auditor reports sent documents; required in audit mode
	 */
	public OnlyPersistedPolicy(EnforcementMode mode, List<NonPersistedOperationOverride> overrides,
			@Nullable SafelistIndex safelist, @Nullable NonPersistedDocumentAuditor auditor) {
		Assert.notNull(mode, "mode is required");
		Assert.notNull(overrides, "overrides is required");
		Assert.isTrue(mode != EnforcementMode.SAFELIST || safelist != null, "safelist mode needs a safelist");
		Assert.isTrue(mode != EnforcementMode.AUDIT || auditor != null, "audit mode needs an auditor");
		this.mode = mode;
		this.overrides = List.copyOf(overrides);
		this.safelist = safelist;
		this.auditor = auditor;
	}

	/**
	 * Return the enforcement mode.
	 */
	public EnforcementMode mode() {
		return this.mode;
	}

	/**
	 * Whether documents that are not persisted are refused unless an override allows them
	 * ({@code safelist} and {@code enforce} modes).
	 */
	public boolean isOnlyPersisted() {
		return this.mode.refusesNonPersisted();
	}

	/**
	 * Decide whether the request may run the document it sent as it is: always when
	 * documents are not refused, otherwise only when an override allows the request.
	 */
	public Mono<Boolean> allowsDocument(WebGraphQlRequest request) {
		if (!isOnlyPersisted()) {
			return Mono.just(true);
		}
		return Flux.fromIterable(this.overrides)
			.concatMap((override) -> ask(override, request))
			.any(Boolean::booleanValue);
	}

	/**
	 * Decide what happens to the document the request sent.
	 * @param request the request
	 * @param client the client it names, for the audit line
	 */
	public Mono<Decision> decide(WebGraphQlRequest request, @Nullable ClientIdentity client) {
		switch (this.mode) {
			case OFF:
				return Mono.just(Decision.SENT);
			case AUDIT:
				if (this.auditor != null) {
					this.auditor.report(request, client);
				}
				return Mono.just(Decision.AUDITED);
			case SAFELIST:
				SafelistIndex.Match match = (this.safelist != null) ? this.safelist.match(request.getDocument()) : null;
				if (match != null) {
					return Mono.just(Decision.safelisted(match));
				}
				return overridden(request);
			default:
				return overridden(request);
		}
	}

	private Mono<Decision> overridden(WebGraphQlRequest request) {
		return allowsDocument(request).map((allowed) -> allowed ? Decision.OVERRIDE_ALLOWED : Decision.REFUSED);
	}

	private static Mono<Boolean> ask(NonPersistedOperationOverride override, WebGraphQlRequest request) {
		return Mono.defer(() -> override.allows(request)).onErrorResume((ex) -> {
			logger.warn("Override " + override + " failed; refusing the non-persisted document", ex);
			return Mono.just(false);
		});
	}

	/**
	 * What happens to a sent document.
	 *
	 * @param outcome what was decided: {@code SENT}, {@code AUDITED}, {@code SAFELISTED},
	 * {@code OVERRIDE_ALLOWED} or {@code REFUSED}
	 * @param match the stored document to run instead, for {@code SAFELISTED}
	 */
	public record Decision(PersistedOperationOutcome outcome, SafelistIndex.@Nullable Match match) {

		static final Decision SENT = new Decision(PersistedOperationOutcome.SENT, null);

		static final Decision AUDITED = new Decision(PersistedOperationOutcome.AUDITED, null);

		static final Decision OVERRIDE_ALLOWED = new Decision(PersistedOperationOutcome.OVERRIDE_ALLOWED, null);

		static final Decision REFUSED = new Decision(PersistedOperationOutcome.REFUSED, null);

		static Decision safelisted(SafelistIndex.Match match) {
			return new Decision(PersistedOperationOutcome.SAFELISTED, match);
		}

		/**
		 * Whether the document may run.
		 */
		public boolean allowed() {
			return this.outcome != PersistedOperationOutcome.REFUSED;
		}

	}

}
