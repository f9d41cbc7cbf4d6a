package dev.persistedops.observability;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.store.CachingOperationDocumentStore;
import dev.persistedops.store.RemoteStoreMonitor;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.Assert;

/**
 * The health of a remote store of persisted documents (Redis, Azure Blob): whether it
 * answers a check now (made with the timeout, outage gate and concurrency limit of
 * lookups, so during an outage it is one of the probes that end it), whether an outage is
 * going on, and when and why the store last failed.
 * <p>
 * While the store does not answer, documents cached locally are still served, so by
 * default the status is {@link #DEGRADED}, which Actuator's default status order does not
 * count: the application's health stays {@code UP}. Set {@code downOnOutage} to report
 * {@code DOWN} instead.
 */
public class RemoteStoreHealthIndicator implements ReactiveHealthIndicator {

	/** The status of a store that does not answer while cached documents are served. */
	public static final Status DEGRADED = new Status("DEGRADED",
			"The store does not answer; documents cached locally are still served");

	private final RemoteStoreMonitor monitor;

	private final @Nullable CachingOperationDocumentStore cache;

	private final boolean downOnOutage;

	/**
	 * Create an indicator.
	 * @param monitor what the store reports
	 * @param cache the local cache in front of the store, or {@code null}
	 * @param downOnOutage whether a store that does not answer is {@code DOWN} rather
	 * than {@link #DEGRADED}
	 */
	public RemoteStoreHealthIndicator(RemoteStoreMonitor monitor, @Nullable CachingOperationDocumentStore cache,
			boolean downOnOutage) {
		Assert.notNull(monitor, "monitor is required");
		this.monitor = monitor;
		this.cache = cache;
		this.downOnOutage = downOnOutage;
	}

	@Override
	public Mono<Health> health() {
		return this.monitor.check()
			.then(Mono.fromSupplier(() -> describe(true)))
			.onErrorResume((ex) -> Mono.just(describe(false)));
	}

	private Health describe(boolean reachable) {
		boolean outage = this.monitor.isOutage();
		Status status = (reachable && !outage) ? Status.UP : (this.downOnOutage ? Status.DOWN : DEGRADED);
		Health.Builder health = Health.status(status)
			.withDetail("store", this.monitor.storeType())
			.withDetail("reachable", reachable)
			.withDetail("outage", outage);
		RemoteStoreMonitor.Failure failure = this.monitor.lastFailure();
		if (failure != null) {
			health.withDetail("lastFailure", failure.at().toString())
				.withDetail("lastFailureMessage", failure.message());
		}
		CachingOperationDocumentStore cache = this.cache;
		if (cache != null) {
			health.withDetail("cachedDocuments", cache.cachedDocuments());
		}
		return health.build();
	}

}
