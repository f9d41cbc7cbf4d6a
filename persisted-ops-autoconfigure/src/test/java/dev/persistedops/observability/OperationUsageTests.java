package dev.persistedops.observability;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.persistedops.document.OperationId;
import dev.persistedops.web.ClientIdentity;
import dev.persistedops.web.PersistedOperationEvent;
import dev.persistedops.web.PersistedOperationOutcome;
import dev.persistedops.web.Transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link OperationUsage}.
 */
class OperationUsageTests {

	private final MovingClock clock = new MovingClock();

	@Test
	void countsRunsOfPersistedDocumentsWithTheirLastUse() {
		OperationUsage usage = new OperationUsage(10, this.clock);
		usage.onEvent(event(PersistedOperationOutcome.PERSISTED, "a"));
		this.clock.advance(Duration.ofMinutes(1));
		usage.onEvent(event(PersistedOperationOutcome.PERSISTED, "a"));
		usage.onEvent(event(PersistedOperationOutcome.SAFELISTED, "b"));
		usage.onEvent(event(PersistedOperationOutcome.APQ_REGISTERED, "c"));
		assertThat(usage.usageOf("a")).isEqualTo(new OperationUsage.Usage(2, this.clock.instant(), null));
		assertThat(usage.usageOf("b")).isEqualTo(new OperationUsage.Usage(1, this.clock.instant(), null));
		assertThat(usage.usageOf("c")).isEqualTo(new OperationUsage.Usage(1, this.clock.instant(), OperationUsage.APQ));
		assertThat(usage.size()).isEqualTo(3);
	}

	@Test
	void sha256PrefixedIdsCountUnderTheirKey() {
		OperationUsage usage = new OperationUsage(10, this.clock);
		String hex = "6dcbaca2e920db6581889c0a4ae10378cde64b5b215940be0275d61637abf03e";
		usage.onEvent(event(PersistedOperationOutcome.PERSISTED, "sha256:" + hex));
		usage.onEvent(event(PersistedOperationOutcome.PERSISTED, hex));
		assertThat(usage.usageOf(hex).count()).isEqualTo(2);
	}

	@Test
	void recordsNothingForDecisionsThatRanNoPersistedDocument() {
		OperationUsage usage = new OperationUsage(10, this.clock);
		for (PersistedOperationOutcome outcome : PersistedOperationOutcome.values()) {
			if (!outcome.ranPersistedDocument()) {
				usage.onEvent(event(outcome, "x"));
			}
		}
		usage.onEvent(new PersistedOperationEvent(PersistedOperationOutcome.SENT, Transport.HTTP, null, null));
		assertThat(usage.size()).isZero();
	}

	@Test
	void aRegistrationIsListedWithItsOriginAndNoUse() {
		OperationUsage usage = new OperationUsage(10, this.clock);
		usage.recordRegistration("a", "publishing");
		usage.recordUse("a", null);
		assertThat(usage.usageOf("a")).isEqualTo(new OperationUsage.Usage(1, this.clock.instant(), "publishing"));
	}

	@Test
	void aFullTableDropsTheTenthThatWentLongestWithoutRunning() {
		OperationUsage usage = new OperationUsage(20, this.clock);
		for (int i = 0; i < 20; i++) {
			usage.recordUse("op-" + i, null);
			this.clock.advance(Duration.ofSeconds(1));
		}
		// op-0 and op-1 ran long ago, unless they run again: op-0 does.
		usage.recordUse("op-0", null);
		usage.recordUse("new", null);
		assertThat(usage.size()).isEqualTo(19);
		assertThat(usage.dropped()).isEqualTo(2);
		assertThat(usage.usageOf("op-0")).isNotNull();
		assertThat(usage.usageOf("op-1")).isNull();
		assertThat(usage.usageOf("op-2")).isNull();
		assertThat(usage.usageOf("op-3")).isNotNull();
		assertThat(usage.usageOf("new")).isNotNull();
	}

	@Test
	void aHundredThousandDistinctIdsNeverGrowTheTablePastItsBound() {
		OperationUsage usage = new OperationUsage(1_000, this.clock);
		int largest = 0;
		for (int i = 0; i < 100_000; i++) {
			usage.onEvent(event(PersistedOperationOutcome.APQ_REGISTERED, "op-" + i));
			usage.onEvent(event(PersistedOperationOutcome.NOT_FOUND, "unknown-" + i));
			largest = Math.max(largest, usage.size());
			this.clock.advance(Duration.ofMillis(1));
		}
		assertThat(largest).isEqualTo(1_000);
		assertThat(usage.snapshot()).hasSizeLessThanOrEqualTo(1_000).containsKey("op-99999");
		assertThat(usage.snapshot().keySet()).noneMatch((key) -> key.startsWith("unknown-"));
		assertThat(usage.dropped()).isEqualTo(100_000 - usage.size());
	}

	@Test
	void theBoundMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OperationUsage(0));
	}

	private static PersistedOperationEvent event(PersistedOperationOutcome outcome, String id) {
		return new PersistedOperationEvent(outcome, Transport.HTTP, new ClientIdentity("ios", null), OperationId.of(id),
				"GetBook");
	}

	static final class MovingClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
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

}
