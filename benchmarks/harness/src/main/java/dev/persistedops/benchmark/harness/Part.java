package dev.persistedops.benchmark.harness;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One part of a run ({@code peers}, {@code stores}, {@code scale}, {@code jmh}), measured
 * in one go, with every launch.
 *
 * @param name the part's name
 * @param started when it started
 * @param ended when it ended
 * @param loadAtStart the load average when it started
 * @param loadAtEnd the load average when it ended
 * @param result what it measured, or {@code null} for JMH's part
 * @param jmh JMH's CSV rows, the header first, or empty
 * @param earlier whether it was measured by an earlier sitting of the run
 */
record Part(String name, Instant started, Instant ended, String loadAtStart, String loadAtEnd,
		@Nullable SessionResult result, List<List<String>> jmh, boolean earlier) {

	/**
	 * Return a part measured now.
	 */
	static Part measured(String name, Instant started, String loadAtStart, @Nullable SessionResult result,
			List<List<String>> jmh) {
		return new Part(name, started, Instant.now().truncatedTo(ChronoUnit.SECONDS), loadAtStart,
				Machine.loadAverage(), result, jmh, false);
	}

}
