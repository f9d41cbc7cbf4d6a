package dev.persistedops.store;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ImmediateAnswer}.
 */
class ImmediateAnswerTests {

	@Test
	void valueAndEmptinessAreReadWithoutSubscribing() {
		assertThat(ImmediateAnswer.of(Mono.just("text"))).isEqualTo(new ImmediateAnswer<>("text"));
		assertThat(ImmediateAnswer.of(Mono.justOrEmpty((String) null))).isEqualTo(new ImmediateAnswer<>(null));
		assertThat(ImmediateAnswer.of(Mono.empty())).isEqualTo(new ImmediateAnswer<>(null));
	}

	@Test
	void errorsAndAnswersThatNeedWaitingAreLeftToTheSubscriber() {
		assertThat(ImmediateAnswer.of(Mono.error(new IllegalStateException("down")))).isNull();
		assertThat(ImmediateAnswer.of(Mono.delay(Duration.ofMillis(1)).map((tick) -> "text"))).isNull();
		assertThat(ImmediateAnswer.of(Mono.just("text").map(String::toUpperCase))).isNull();
	}

}
