package dev.persistedops.autoconfigure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoggedDurationsTests {

	@Test
	void wholeSecondsReadAsSeconds() {
		assertThat(LoggedDurations.print(Duration.ofSeconds(5))).isEqualTo("5s");
		assertThat(LoggedDurations.print(Duration.ofHours(1))).isEqualTo("3600s");
		assertThat(LoggedDurations.print(Duration.ZERO)).isEqualTo("0s");
	}

	@Test
	void anythingElseReadsAsMilliseconds() {
		assertThat(LoggedDurations.print(Duration.ofMillis(1500))).isEqualTo("1500ms");
		assertThat(LoggedDurations.print(Duration.ofMillis(250))).isEqualTo("250ms");
	}

}
