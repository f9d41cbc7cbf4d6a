package dev.persistedops.observability;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.SaveListener;
import dev.persistedops.web.PersistedOperationEvent;
import dev.persistedops.web.PersistedOperationListener;
import dev.persistedops.web.PersistedOperationOutcome;

import org.springframework.util.Assert;

/**
 * How often each persisted operation ran on this instance, and when it last ran, in
 * bounded memory. Only documents that ran as persisted ones count (looked up by id,
 * matched by the safelist, registered by automatic persisted queries): unknown ids and
 * documents sent as text are never recorded, so they cannot grow the table.
 * <p>
 * At most {@code maximumOperations} operations are tracked. When an operation not yet
 * tracked runs and the table is full, the tenth of the table that has gone longest
 * without running is dropped first; a dropped operation starts again from zero if it runs
 * again, and {@link #dropped()} counts the drops, so that "never used" can be read with
 * that in mind. Recording a use of a tracked operation takes no lock.
 */
public final class OperationUsage implements PersistedOperationListener, SaveListener {

	/** Where an operation came from when a client registered it (APQ). */
	public static final String APQ = "apq";

	private final int maximumOperations;

	private final Clock clock;

	private final Instant since;

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final AtomicLong dropped = new AtomicLong();

	/**
	 * Create a table that tracks at most the given number of operations.
	 */
	public OperationUsage(int maximumOperations) {
		this(maximumOperations, Clock.systemUTC());
	}

	OperationUsage(int maximumOperations, Clock clock) {
		Assert.isTrue(maximumOperations > 0, "maximumOperations must be positive");
		this.maximumOperations = maximumOperations;
		this.clock = clock;
		this.since = clock.instant();
	}

	@Override
	public void onEvent(PersistedOperationEvent event) {
		OperationId id = event.id();
		if (id != null && event.outcome().ranPersistedDocument()) {
			recordUse(id.key(), (event.outcome() == PersistedOperationOutcome.APQ_REGISTERED) ? APQ : null);
		}
	}

	/**
	 * Record that the operation stored under the given key ran.
	 * @param key the key the operation is stored under
	 * @param origin where the operation came from, if the store does not say (for example
	 * {@value #APQ}), or {@code null}
	 */
	public void recordUse(String key, @Nullable String origin) {
		entry(key, origin).used(this.clock.millis());
	}

	/**
	 * Record that an operation was registered without running (by a publishing endpoint),
	 * so that it is listed with where it came from.
	 * @param key the key the operation is stored under
	 * @param origin where it came from
	 */
	public void recordRegistration(String key, String origin) {
		entry(key, origin);
	}

	@Override
	public void saved(String key, String origin) {
		recordRegistration(key, origin);
	}

	private Entry entry(String key, @Nullable String origin) {
		Entry entry = this.entries.get(key);
		if (entry != null) {
			return entry;
		}
		synchronized (this.entries) {
			entry = this.entries.get(key);
			if (entry == null) {
				if (this.entries.size() >= this.maximumOperations) {
					dropLeastRecentlyUsed();
				}
				entry = new Entry(origin, this.clock.millis());
				this.entries.put(key, entry);
			}
			return entry;
		}
	}

	private void dropLeastRecentlyUsed() {
		int drop = Math.max(1, this.maximumOperations / 10);
		// The times are read once: uses go on meanwhile, and a sort needs fixed keys.
		List<Seen> oldest = this.entries.entrySet()
			.stream()
			.map((entry) -> new Seen(entry.getKey(), entry.getValue(), entry.getValue().lastSeen))
			.sorted(Comparator.comparingLong(Seen::at))
			.limit(drop)
			.toList();
		oldest.forEach((seen) -> this.entries.remove(seen.key(), seen.entry()));
		this.dropped.addAndGet(oldest.size());
	}

	/**
	 * Return the usage of the operation stored under the given key, or {@code null} if it
	 * is not tracked (it never ran here, or was dropped).
	 */
	public @Nullable Usage usageOf(String key) {
		Entry entry = this.entries.get(key);
		return (entry != null) ? entry.toUsage() : null;
	}

	/**
	 * Return the usage of every tracked operation, by key.
	 */
	public Map<String, Usage> snapshot() {
		Map<String, Usage> snapshot = new LinkedHashMap<>();
		this.entries.forEach((key, entry) -> snapshot.put(key, entry.toUsage()));
		return snapshot;
	}

	/**
	 * Return how many operations are tracked.
	 */
	public int size() {
		return this.entries.size();
	}

	/**
	 * Return the most operations tracked.
	 */
	public int maximumOperations() {
		return this.maximumOperations;
	}

	/**
	 * Return how many operations were dropped to stay within the bound.
	 */
	public long dropped() {
		return this.dropped.get();
	}

	/**
	 * Return when tracking started (the application's start).
	 */
	public Instant since() {
		return this.since;
	}

	/**
	 * The usage of one operation.
	 *
	 * @param count how many times it ran
	 * @param lastUsed when it last ran, or {@code null} if it never ran here
	 * @param origin where it came from, if known here ({@value #APQ}, publishing), or
	 * {@code null}
	 */
	public record Usage(long count, @Nullable Instant lastUsed, @Nullable String origin) {

	}

	private record Seen(String key, Entry entry, long at) {

	}

	private static final class Entry {

		private final @Nullable String origin;

		private final AtomicLong count = new AtomicLong();

		/** When it last ran, or when it was added if it never ran: what drops go by. */
		private volatile long lastSeen;

		private volatile long lastUsed = -1;

		Entry(@Nullable String origin, long added) {
			this.origin = origin;
			this.lastSeen = added;
		}

		void used(long now) {
			this.count.incrementAndGet();
			this.lastUsed = now;
			this.lastSeen = now;
		}

		Usage toUsage() {
			long lastUsed = this.lastUsed;
			return new Usage(this.count.get(), (lastUsed >= 0) ? Instant.ofEpochMilli(lastUsed) : null, this.origin);
		}

	}

}
