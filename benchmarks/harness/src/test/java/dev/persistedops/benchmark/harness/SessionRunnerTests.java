package dev.persistedops.benchmark.harness;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SessionRunnerTests {

	@Test
	void compilerShareWeighsEachMeasurementByItsRequests() {
		// 10,000 requests at 50 µs, 1 of them the compiler's; 5,000 at 100 µs, 4 of them.
		Measurement first = measurement(10_000, 50, 1);
		Measurement second = measurement(5_000, 100, 4);
		assertThat(SessionRunner.compilerShare(List.of(first, second))).isCloseTo(0.03, within(1e-9));
	}

	@Test
	void compilerShareIsZeroWithoutRequests() {
		assertThat(SessionRunner.compilerShare(List.of(measurement(0, Double.NaN, Double.NaN)))).isZero();
		assertThat(SessionRunner.compilerShare(List.of())).isZero();
	}

	@Test
	void aTurnMoreThanThreePercentFasterThanEveryTurnBeforeIsStillWarmingUp() {
		assertThat(SessionRunner.faster(1.0, Double.POSITIVE_INFINITY)).isTrue();
		assertThat(SessionRunner.faster(0.96, 1.0)).isTrue();
		assertThat(SessionRunner.faster(0.98, 1.0)).isFalse();
	}

	@Test
	void aSlowerTurnDoesNotKeepTheWarmUpGoing() {
		// On a shared host a turn may be slower for reasons of its own: that is noise,
		// not
		// a server still warming up.
		assertThat(SessionRunner.faster(1.2, 1.0)).isFalse();
	}

	@Test
	void aTurnCostsTheTimePerRequestOfEachKindSummed() {
		Measurement fast = measurement(10_000, 50, 0);
		Measurement slow = measurement(2_500, 50, 0);
		// 2,000 and 500 requests per second.
		assertThat(SessionRunner.costOf(List.of(fast, slow))).isCloseTo(0.0025, within(1e-12));
	}

	@Test
	void measuredServersCheckALargeStoreAtOnce() {
		ServerSpec spec = new ServerSpec("files", "files", List.of("-jar", "app.jar"),
				List.of("persisted-ops.store.type=filesystem"), null);
		List<String> command = spec.withProperty(SessionRunner.CHECK_AT_ONCE).command("java", List.of(), 8080);
		assertThat(command).endsWith("--persisted-ops.store.type=filesystem",
				"--persisted-ops.validation.background-delay=0");
		assertThat(spec.properties()).containsExactly("persisted-ops.store.type=filesystem");
	}

	private static Measurement measurement(long requests, double cpuMicros, double compilerMicros) {
		return new Measurement("a", "trivial by id", new LoadResult(requests, 5, requests / 5.0, 0.4, 1.2, 0),
				cpuMicros, compilerMicros);
	}

}
