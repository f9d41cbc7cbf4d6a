package dev.persistedops.observability;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import dev.persistedops.web.ClientIdentity;
import dev.persistedops.web.PersistedOperationEvent;
import dev.persistedops.web.PersistedOperationListener;
import dev.persistedops.web.PersistedOperationOutcome;
import dev.persistedops.web.Transport;

import org.springframework.util.Assert;

/**
 * Counts the starter's decisions in Micrometer as {@value #METER}, tagged by
 * {@code outcome}, {@code transport} and {@code client}. The client tag is bounded: a
 * request that names no client counts as {@code unknown}, and names beyond the first
 * {@code maximumClientNames} seen count as {@code other}, so that clients cannot grow the
 * registry.
 */
public final class PersistedOperationMetrics implements PersistedOperationListener {

	/** The name of the counter. */
	public static final String METER = "persisted.operations";

	static final String UNKNOWN_CLIENT = "unknown";

	static final String OTHER_CLIENT = "other";

	private final MeterRegistry registry;

	private final BoundedTagValues clientNames;

	private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Create the metrics.
	 * @param registry where the counter is registered
	 * @param maximumClientNames the most client names that get a tag value of their own
	 */
	public PersistedOperationMetrics(MeterRegistry registry, int maximumClientNames) {
		Assert.notNull(registry, "registry is required");
		Assert.isTrue(maximumClientNames >= 0, "maximumClientNames must not be negative");
		this.registry = registry;
		this.clientNames = new BoundedTagValues(maximumClientNames, OTHER_CLIENT);
	}

	@Override
	public void onEvent(PersistedOperationEvent event) {
		Key key = new Key(event.outcome(), event.transport(), clientTag(event.client()));
		this.counters.computeIfAbsent(key, this::counter).increment();
	}

	private String clientTag(@Nullable ClientIdentity client) {
		if (client == null) {
			return UNKNOWN_CLIENT;
		}
		return this.clientNames.tagFor(client.name());
	}

	private Counter counter(Key key) {
		return Counter.builder(METER)
			.description("Decisions of the persisted operations starter on GraphQL requests")
			.tag("outcome", key.outcome().tagValue())
			.tag("transport", key.transport().tagValue())
			.tag("client", key.client())
			.register(this.registry);
	}

	private record Key(PersistedOperationOutcome outcome, Transport transport, String client) {
	}

}
