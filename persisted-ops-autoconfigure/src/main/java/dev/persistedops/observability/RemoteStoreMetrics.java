package dev.persistedops.observability;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import dev.persistedops.store.RemoteLookupResult;
import dev.persistedops.store.RemoteStoreListener;
import dev.persistedops.store.RemoteStoreMonitor;

import org.springframework.util.Assert;

/**
 * Times the lookups of a remote store (Redis, Azure Blob) in Micrometer as
 * {@value #LOOKUPS}, tagged by {@code store} and {@code result} (hit, miss, error,
 * timeout, rejected), and shows its outage state as the gauge {@value #OUTAGE} (1 during
 * an outage, 0 otherwise). Every meter is registered up front, so there are always
 * exactly six per store.
 */
public final class RemoteStoreMetrics implements RemoteStoreListener {

	/** The name of the timer of lookups. */
	public static final String LOOKUPS = "persisted.operations.store.lookups";

	/** The name of the outage gauge. */
	public static final String OUTAGE = "persisted.operations.store.outage";

	/** By the result's ordinal. */
	private final Timer[] timers = new Timer[RemoteLookupResult.values().length];

	/**
	 * Register the meters of the given store and start timing its lookups.
	 * @param registry where the meters are registered
	 * @param monitor what the store reports
	 */
	public RemoteStoreMetrics(MeterRegistry registry, RemoteStoreMonitor monitor) {
		Assert.notNull(registry, "registry is required");
		Assert.notNull(monitor, "monitor is required");
		for (RemoteLookupResult result : RemoteLookupResult.values()) {
			this.timers[result.ordinal()] = (Timer.builder(LOOKUPS)
				.description("Lookups of persisted documents in the remote store, not cached locally")
				.tag("store", monitor.storeType())
				.tag("result", result.tagValue())
				.register(registry));
		}
		Gauge.builder(OUTAGE, monitor, (store) -> store.isOutage() ? 1 : 0)
			.description("Whether the remote store of persisted documents is in an outage (1) or not (0)")
			.tag("store", monitor.storeType())
			.strongReference(true)
			.register(registry);
		monitor.addListener(this);
	}

	@Override
	public void onLookup(RemoteLookupResult result, long nanos) {
		this.timers[result.ordinal()].record(nanos, TimeUnit.NANOSECONDS);
	}

}
