package dev.persistedops.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A circuit breaker for a remote store, so that requests do not pile up behind a store
 * that is down. While the store answers, every lookup may go to it. After an outage (a
 * failure), no lookup goes to it for the retry interval; then exactly one lookup, the
 * probe, is let through while the others still fail at once. The probe's success closes
 * the circuit; its failure starts another interval. Recovery needs nothing from outside.
 */
public final class OutageGate {

	private static final State HEALTHY = new State(null, false);

	private final Duration retryInterval;

	private final Clock clock;

	private final AtomicReference<State> state = new AtomicReference<>(HEALTHY);

	public OutageGate(Duration retryInterval) {
		this(retryInterval, Clock.systemUTC());
	}

	OutageGate(Duration retryInterval, Clock clock) {
		Assert.notNull(retryInterval, "retryInterval is required");
		Assert.isTrue(!retryInterval.isNegative(), "retryInterval must not be negative");
		this.retryInterval = retryInterval;
		this.clock = clock;
	}

	/**
	 * Ask whether a lookup may go to the store now.
	 * @return the time the lookup starts, to hand back to
	 * {@link #recordSuccess(Instant)}, or {@code null} if it must fail at once
	 */
	public @Nullable Instant tryEnter() {
		while (true) {
			State current = this.state.get();
			Instant now = this.clock.instant();
			if (current.failedAt() == null) {
				return now;
			}
			if (current.probing() || now.isBefore(current.failedAt().plus(this.retryInterval))) {
				return null;
			}
			if (this.state.compareAndSet(current, new State(current.failedAt(), true))) {
				return now;
			}
		}
	}

	/**
	 * Record that a lookup started at the given time got an answer. Only a lookup that
	 * started after the last failure closes the circuit: an old, slow answer says nothing
	 * of now.
	 * @return {@code true} if this closed an open circuit
	 */
	public boolean recordSuccess(Instant started) {
		while (true) {
			State current = this.state.get();
			if (current.failedAt() == null || started.isBefore(current.failedAt())) {
				return false;
			}
			if (this.state.compareAndSet(current, HEALTHY)) {
				return true;
			}
		}
	}

	/**
	 * Record that a lookup started at the given time ended with no answer either way (it
	 * gave up while the connection was still being opened): if it was the probe, the next
	 * lookup may probe instead.
	 */
	public void abandon(Instant started) {
		State current = this.state.get();
		if (current.probing() && current.failedAt() != null && !started.isBefore(current.failedAt())) {
			this.state.compareAndSet(current, new State(current.failedAt(), false));
		}
	}

	/**
	 * Return how long lookups fail at once after a failure.
	 */
	public Duration retryInterval() {
		return this.retryInterval;
	}

	/**
	 * Record that the store failed: no lookup goes to it for the retry interval.
	 * @return {@code true} if this opened a closed circuit
	 */
	public boolean recordFailure() {
		State previous = this.state.getAndSet(new State(this.clock.instant(), false));
		return previous.failedAt() == null;
	}

	private record State(@Nullable Instant failedAt, boolean probing) {
	}

}
