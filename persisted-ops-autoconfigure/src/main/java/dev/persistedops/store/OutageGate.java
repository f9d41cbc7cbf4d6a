package dev.persistedops.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.util.Assert;

/**
 * Remembers that a remote store just failed, so that for a short while lookups fail at once
 * instead of each waiting for a timeout: requests do not pile up behind a store that is down.
 * Once the interval has passed, lookups go through again, and the first success closes the
 * gate; recovery needs nothing from outside.
 */
public final class OutageGate {

	private final Duration retryInterval;

	private final Clock clock;

	private final AtomicReference<Instant> closedUntil = new AtomicReference<>(Instant.MIN);

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
	 * Whether lookups may go to the store now.
	 */
	public boolean isOpen() {
		return !this.clock.instant().isBefore(this.closedUntil.get());
	}

	/**
	 * Record that the store failed: lookups fail at once for the retry interval.
	 */
	public void recordFailure() {
		this.closedUntil.set(this.clock.instant().plus(this.retryInterval));
	}

	/**
	 * Record that the store answered.
	 */
	public void recordSuccess() {
		this.closedUntil.set(Instant.MIN);
	}

}
