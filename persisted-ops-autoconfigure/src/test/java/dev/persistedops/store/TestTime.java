package dev.persistedops.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;

/**
 * Time that moves only when a test says so, both as a {@link Clock} (for the outage gate)
 * and as a Caffeine {@link Ticker} (for cache expiry).
 */
final class TestTime extends Clock implements Ticker {

	private final AtomicLong nanos = new AtomicLong();

	void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

	@Override
	public long read() {
		return this.nanos.get();
	}

	@Override
	public Instant instant() {
		return Instant.EPOCH.plusNanos(this.nanos.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException();
	}

}
