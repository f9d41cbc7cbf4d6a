package dev.persistedops.benchmark.harness;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkRunTests {

	private final Path root = Path.of("/repo");

	@Test
	void estimateSpansServersThatSettleAtOnceToServersThatNeverDo() {
		Settings settings = Settings.parse(this.root, 2, "--sessions", "peers", "--launches", "1", "--rounds", "1",
				"--duration", "2", "--warmup", "20");
		// 18 comparisons × 1 round × 2 s, both sides together (or 2 sides in turn: at
		// most 72 s), and 9 servers started twice at 15 s: 306 s. The warm-up: 20 s per
		// server and two turns of 2 s for each of the 26 requests (590 s in all), or per
		// server 5 × 20 s over one connection, 2 × 20 s at full concurrency and two
		// pauses of 30 s (2,142 s in all).
		assertThat(BenchmarkRun.estimatedMinutes(settings, settings.sessions())).containsExactly(9, 35);
	}

	@Test
	void estimateOfAResumedRunLeavesOutThePartsItKept() {
		Settings settings = Settings.parse(this.root, 2, "--launches", "1", "--rounds", "1", "--duration", "2",
				"--warmup", "20");
		long[] all = BenchmarkRun.estimatedMinutes(settings, settings.sessions());
		long[] withoutPeers = BenchmarkRun.estimatedMinutes(settings, List.of("stores", "scale", "jmh"));
		long[] peers = BenchmarkRun.estimatedMinutes(settings, List.of("peers"));
		assertThat(withoutPeers[0]).isLessThan(all[0]).isGreaterThan(all[0] - peers[0] - 2);
		assertThat(withoutPeers[1]).isLessThan(all[1]).isGreaterThan(all[1] - peers[1] - 2);
		// JMH alone: 22 benchmarks, 1 fork of 3 + 1 iterations of 1 s each, and
		// 30 s: 118 s.
		assertThat(BenchmarkRun.estimatedMinutes(settings, List.of("jmh"))).containsExactly(1, 1);
	}

	@Test
	void estimateOfTheScalePartCountsEachServersStartupsTimed() {
		Settings settings = Settings.parse(this.root, 2, "--sessions", "scale", "--launches", "1", "--rounds", "1",
				"--duration", "2", "--warmup", "0", "--jvm-options", Settings.HUGE_PAGES);
		// 5 comparisons × 1 round × 2 sides × 2 s, and 15 s for each start: 4 servers
		// measured, each timed 5 times and started once more, and 6 timed only, 5 times
		// each (54 starts): 830 s.
		assertThat(BenchmarkRun.estimatedMinutes(settings, settings.sessions())).containsExactly(13, 13);
	}

	@Test
	void estimateWithoutWarmUpSpansRoundsTogetherToRoundsInTurn() {
		Settings settings = Settings.parse(this.root, 2, "--sessions", "stores", "--launches", "2", "--rounds", "5",
				"--duration", "3", "--warmup", "0");
		// 2 × (6 comparisons × 5 rounds × 3 s, both sides together, and 4 servers
		// started twice at 15 s): 420 s; or, at most, 2 sides in turn: 600 s.
		assertThat(BenchmarkRun.estimatedMinutes(settings, settings.sessions())).containsExactly(7, 10);
		Settings inTurn = Settings.parse(this.root, 2, "--sessions", "stores", "--launches", "2", "--rounds", "5",
				"--duration", "3", "--warmup", "0", "--in-turn");
		assertThat(BenchmarkRun.estimatedMinutes(inTurn, inTurn.sessions())).containsExactly(10, 10);
	}

}
