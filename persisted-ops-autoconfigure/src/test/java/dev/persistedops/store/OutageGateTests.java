package dev.persistedops.store;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OutageGate}, on a clock the test moves.
 */
class OutageGateTests {

	private final TestTime time = new TestTime();

	private final OutageGate gate = new OutageGate(Duration.ofSeconds(2), this.time);

	@Test
	void letsEveryLookupThroughWhileTheStoreAnswers() {
		assertThat(this.gate.tryEnter()).isNotNull();
		assertThat(this.gate.tryEnter()).isNotNull();
	}

	@Test
	void firstFailureOpensTheGateAndSaysSo() {
		assertThat(this.gate.recordFailure()).isTrue();
		assertThat(this.gate.recordFailure()).isFalse();
		assertThat(this.gate.tryEnter()).isNull();
	}

	@Test
	void lookupsFailAtOnceUntilTheRetryIntervalHasPassed() {
		this.gate.recordFailure();
		this.time.advance(Duration.ofMillis(1_999));
		assertThat(this.gate.tryEnter()).isNull();
		this.time.advance(Duration.ofMillis(1));
		assertThat(this.gate.tryEnter()).isNotNull();
	}

	@Test
	void afterTheRetryIntervalExactlyOneProbeGoesThrough() {
		this.gate.recordFailure();
		this.time.advance(Duration.ofSeconds(3));
		assertThat(this.gate.tryEnter()).isNotNull();
		assertThat(this.gate.tryEnter()).isNull();
		assertThat(this.gate.tryEnter()).isNull();
	}

	@Test
	void successfulProbeClosesTheGate() {
		this.gate.recordFailure();
		this.time.advance(Duration.ofSeconds(3));
		Instant probe = this.gate.tryEnter();
		assertThat(probe).isNotNull();
		assertThat(this.gate.recordSuccess(probe)).isTrue();
		assertThat(this.gate.tryEnter()).isNotNull();
		assertThat(this.gate.tryEnter()).isNotNull();
	}

	@Test
	void failedProbeStartsAnotherInterval() {
		this.gate.recordFailure();
		this.time.advance(Duration.ofSeconds(3));
		assertThat(this.gate.tryEnter()).isNotNull();
		this.gate.recordFailure();
		this.time.advance(Duration.ofSeconds(1));
		assertThat(this.gate.tryEnter()).isNull();
		this.time.advance(Duration.ofSeconds(1));
		assertThat(this.gate.tryEnter()).isNotNull();
	}

	@Test
	void answerToALookupThatStartedBeforeTheFailureDoesNotCloseTheGate() {
		Instant slow = this.gate.tryEnter();
		assertThat(slow).isNotNull();
		this.time.advance(Duration.ofMillis(10));
		this.gate.recordFailure();
		assertThat(this.gate.recordSuccess(slow)).isFalse();
		assertThat(this.gate.tryEnter()).isNull();
	}

	@Test
	void successWhileClosedChangesNothing() {
		Instant started = this.gate.tryEnter();
		assertThat(started).isNotNull();
		assertThat(this.gate.recordSuccess(started)).isFalse();
	}

}
