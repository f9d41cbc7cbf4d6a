package dev.persistedops.observability;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.persistedops.document.OperationId;
import dev.persistedops.web.PersistedOperationEvent;
import dev.persistedops.web.PersistedOperationListener;

import org.springframework.util.Assert;

/**
 * Counts runs of each persisted operation in Micrometer as {@value #METER}, tagged by
 * {@code operation}, the key it is stored under, so that operations nobody runs any more
 * can be found from the metrics ({@code increase(...[30d]) == 0}). Only documents that
 * ran as persisted ones count: unknown ids never reach it. The tag is bounded: the first
 * {@code maximumOperations} operations get a value of their own, later ones count as
 * {@code other}. The stored operations known at startup (those of a store that lists
 * them) are registered at zero first, so that one that never runs has a series too.
 */
public final class PersistedOperationUsageMetrics implements PersistedOperationListener {

	/** The name of the counter. */
	public static final String METER = "persisted.operations.runs";

	static final String OTHER_OPERATION = "other";

	private final MeterRegistry registry;

	private final BoundedTagValues operations;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	/**
	 * Create the counter.
	 * @param registry where it is registered
	 * @param maximumOperations the most operations with a tag value of their own
	 * @param stored the keys of the stored operations known now, registered at zero
	 */
	public PersistedOperationUsageMetrics(MeterRegistry registry, int maximumOperations, Collection<String> stored) {
		Assert.notNull(registry, "registry is required");
		Assert.isTrue(maximumOperations >= 0, "maximumOperations must not be negative");
		this.registry = registry;
		this.operations = new BoundedTagValues(maximumOperations, OTHER_OPERATION);
		stored.stream().sorted().forEach(this::counter);
	}

	@Override
	public void onEvent(PersistedOperationEvent event) {
		OperationId id = event.id();
		if (id != null && event.outcome().ranPersistedDocument()) {
			counter(id.key()).increment();
		}
	}

	private Counter counter(String key) {
		return this.counters.computeIfAbsent(this.operations.tagFor(key),
				(operation) -> Counter.builder(METER)
					.description("Runs of each persisted operation on this instance")
					.tag("operation", operation)
					.register(this.registry));
	}

}
