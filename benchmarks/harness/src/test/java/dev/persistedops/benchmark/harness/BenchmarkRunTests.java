package dev.persistedops.benchmark.harness;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BenchmarkRunTests {

	private final Path root = Path.of("/repo");

	@Test
	void estimateSpansServersThatSettleAtOnceToServersThatNeverDo() {
		Settings settings = Settings.parse(this.root, 2, "--sessions", "peers", "--launches", "1", "--rounds", "1",
				"--duration", "2", "--warmup", "20");
		// 18 comparisons × 1 round × 2 sides × 2 s, and 9 servers started twice at 15 s:
		// 342 s. Each server's warm-up: 20 s and two turns of 6 s (630 s in all), or 5 ×
		// 20 s over one connection, 2 × 20 s at full concurrency and two pauses of 30 s
		// (2,142 s in all).
		assertThat(BenchmarkRun.estimatedMinutes(settings)).containsExactly(10, 35);
	}

	@Test
	void estimateWithoutWarmUpIsOneFigure() {
		Settings settings = Settings.parse(this.root, 2, "--sessions", "stores", "--launches", "2", "--rounds", "5",
				"--duration", "3", "--warmup", "0");
		// 2 × (6 comparisons × 5 rounds × 2 sides × 3 s, and 4 servers started twice
		// at 15 s): 600 s.
		assertThat(BenchmarkRun.estimatedMinutes(settings)).containsExactly(10, 10);
	}

}
