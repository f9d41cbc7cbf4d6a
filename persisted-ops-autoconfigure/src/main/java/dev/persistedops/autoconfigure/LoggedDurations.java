package dev.persistedops.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.convert.DurationStyle;

/**
 * How a configured duration reads in a log line: as it would be written in
 * {@code application.yml}, in whole seconds where it is a whole number of them
 * ({@code 5s}, not {@code 5000ms}), otherwise in milliseconds.
 */
final class LoggedDurations {

	private LoggedDurations() {
	}

	static String print(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? DurationStyle.SIMPLE.print(duration, ChronoUnit.SECONDS)
				: DurationStyle.SIMPLE.print(duration);
	}

}
