package dev.persistedops.benchmark.harness;

import java.nio.file.Path;
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
		// On a shared host a turn may be slower for reasons of its own: that is
		// noise, not a server still warming up.
		assertThat(SessionRunner.faster(1.2, 1.0)).isFalse();
		assertThat(SessionRunner.settles(1.2, 1.0, 0.0)).isTrue();
	}

	@Test
	void aTurnSettlesOnlyWithTheCompilerQuiet() {
		assertThat(SessionRunner.settles(1.0, 1.0, 0.01)).isTrue();
		assertThat(SessionRunner.settles(1.0, 1.0, 0.02)).isFalse();
		assertThat(SessionRunner.settles(0.9, 1.0, 0.0)).isFalse();
	}

	@Test
	void aTurnWithoutAnAnswerDoesNotSettle() {
		// No request answered: a rate of 0, an infinite cost, and no compiler time.
		double cost = SessionRunner.costOf(List.of(measurement(0, Double.NaN, Double.NaN)));
		assertThat(cost).isInfinite();
		assertThat(SessionRunner.settles(cost, 1.0, 0.0)).isFalse();
		assertThat(SessionRunner.settles(cost, Double.POSITIVE_INFINITY, 0.0)).isFalse();
	}

	@Test
	void eachSideGoesFirstAsOftenOverTwoLaunches() {
		int aFirst = 0;
		for (int launch = 1; launch <= 2; launch++) {
			for (int round = 1; round <= 5; round++) {
				aFirst += SessionRunner.aFirst(launch, round) ? 1 : 0;
			}
		}
		assertThat(aFirst).isEqualTo(5);
		assertThat(SessionRunner.aFirst(1, 1)).isTrue();
		assertThat(SessionRunner.aFirst(1, 2)).isFalse();
		assertThat(SessionRunner.aFirst(2, 1)).isFalse();
	}

	@Test
	void onlyTwoServersAreMeasuredTogether() {
		LoadRequest byId = new LoadRequest("trivial by id", "POST", "", "{}", null);
		LoadRequest fullText = new LoadRequest("trivial full text", "POST", "", "{}", null);
		Comparison twoServers = Comparison.of("by id / APQ", "trivial", new Comparison.Side("starter", byId),
				new Comparison.Side("apq", byId));
		Comparison oneServer = Comparison.of("by id / full text", "trivial", new Comparison.Side("starter", byId),
				new Comparison.Side("starter", fullText));
		Settings settings = Settings.parse(Path.of("/repo"), 2);
		assertThat(SessionRunner.together(settings, twoServers)).isTrue();
		// One server's CPU time cannot be split between two kinds of request.
		assertThat(SessionRunner.together(settings, oneServer)).isFalse();
		assertThat(SessionRunner.together(Settings.parse(Path.of("/repo"), 2, "--in-turn"), twoServers)).isFalse();
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
