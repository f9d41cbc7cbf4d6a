package dev.persistedops.benchmark.harness;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class StatisticsTests {

	@Test
	void ratioOfARoundIsAsThroughputOverBs() {
		Round round = new Round(1, 1, measurement("a", 3000, 100, 0), measurement("b", 1000, 300, 0));
		assertThat(round.ratio()).isEqualTo(3.0);
	}

	@Test
	void ratioRefusesADenominatorThatIsNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> Statistics.ratio(1, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> Statistics.ratio(1, Double.NaN));
	}

	@Test
	void medianOfAnOddCountIsTheMiddleValue() {
		assertThat(Statistics.median(List.of(5.0, 1.0, 3.0))).isEqualTo(3.0);
	}

	@Test
	void medianOfAnEvenCountIsTheMeanOfTheTwoMiddleValues() {
		assertThat(Statistics.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
	}

	@Test
	void medianOfNothingIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Statistics.median(List.of()));
	}

	@Test
	void medianIntervalOfFifteenRoundsRunsFromTheFourthLowestToTheFourthHighest() {
		// P(at most 3 of 15 below the median) = 576 / 32768 = 1.8 %, at most 4: 5.9 %.
		List<Double> values = IntStream.rangeClosed(1, 15).mapToObj((i) -> (double) (16 - i)).toList();
		assertThat(Statistics.medianInterval(values)).contains(new Statistics.Interval(4, 12));
	}

	@Test
	void medianIntervalOfAHundredRoundsRunsFromTheFortiethToTheSixtyFirst() {
		// The textbook ranks for n = 100 at 95 %.
		List<Double> values = IntStream.rangeClosed(1, 100).mapToObj((i) -> (double) i).toList();
		assertThat(Statistics.medianInterval(values)).contains(new Statistics.Interval(40, 61));
	}

	@Test
	void medianIntervalNeedsSixRounds() {
		// Five: even the lowest and highest hold the median only 94 % of the time.
		assertThat(Statistics.medianInterval(List.of(1.0, 2.0, 3.0, 4.0, 5.0))).isEmpty();
		assertThat(Statistics.medianInterval(List.of(1.0, 2.0, 3.0, 4.0, 5.0, 6.0)))
			.contains(new Statistics.Interval(1, 6));
		assertThatIllegalArgumentException().isThrownBy(() -> Statistics.medianInterval(List.of()));
	}

	@Test
	void medianIntervalOfManyRoundsStaysInsideThem() {
		List<Double> values = IntStream.rangeClosed(1, 5000).mapToObj((i) -> (double) i).toList();
		Statistics.Interval interval = Statistics.medianInterval(values).orElseThrow();
		assertThat(interval.low()).isBetween(2400.0, 2500.0);
		assertThat(interval.high()).isBetween(2501.0, 2601.0);
	}

	@Test
	void intervalTellsWhetherItIsClearOfATarget() {
		assertThat(new Statistics.Interval(1.01, 1.05).straddles(1.0)).isFalse();
		assertThat(new Statistics.Interval(1.00, 1.05).straddles(1.0)).isFalse();
		assertThat(new Statistics.Interval(0.97, 1.02).straddles(1.0)).isTrue();
		assertThat(new Statistics.Interval(0.97, 1.00).straddles(1.0)).isTrue();
		assertThat(new Statistics.Interval(0.90, 0.99).straddles(1.0)).isFalse();
	}

	@Test
	void poolingTakesTheMedianOverTheRoundsOfEveryLaunchNotTheMedianOfLaunchMedians() {
		// Launch 1 has three rounds near 1.0, launch 2 one round at 2.0: pooled, every
		// round counts once.
		List<Round> rounds = List.of(round(1, 1, 1.0), round(1, 2, 1.1), round(1, 3, 0.9), round(2, 1, 2.0),
				round(2, 2, 1.9));
		Statistics.Pooled pooled = Statistics.pool(rounds);
		assertThat(pooled.median()).isCloseTo(1.1, within(1e-9));
		assertThat(pooled.rounds()).isEqualTo(5);
		assertThat(pooled.min()).isCloseTo(0.9, within(1e-9));
		assertThat(pooled.max()).isCloseTo(2.0, within(1e-9));
		assertThat(pooled.launchMedians()).hasSize(2);
		assertThat(pooled.launchMedians().get(0)).isCloseTo(1.0, within(1e-9));
		assertThat(pooled.launchMedians().get(1)).isCloseTo(1.95, within(1e-9));
		assertThat(pooled.medianInterval()).isEmpty();
	}

	@Test
	void poolingReportsMedianThroughputAndCpuTimeOfEachSide() {
		List<Round> rounds = List.of(new Round(1, 1, measurement("a", 2000, 50, 1), measurement("b", 1000, 100, 0)),
				new Round(1, 2, measurement("a", 2200, 40, 4), measurement("b", 1100, 90, 9)),
				new Round(2, 1, measurement("a", 1800, 60, 0.6), measurement("b", 900, 110, 0)));
		Statistics.Pooled pooled = Statistics.pool(rounds);
		assertThat(pooled.requestsPerSecondA()).isEqualTo(2000);
		assertThat(pooled.requestsPerSecondB()).isEqualTo(1000);
		assertThat(pooled.cpuMicrosA()).isEqualTo(50);
		assertThat(pooled.cpuMicrosB()).isEqualTo(100);
		// A: 1/50, 4/40, 0.6/60; B: 0, 9/90, 0.
		assertThat(pooled.compilerShareA()).isEqualTo(0.02);
		assertThat(pooled.compilerShareB()).isEqualTo(0);
		assertThat(pooled.median()).isEqualTo(2.0);
	}

	@Test
	void aRoundOfTwoServersTogetherIsTheirCostOverEachOther() {
		// Together the servers share the core as the scheduler lets them: their rates
		// say nothing, their CPU time per request does. A at 40 µs, B at 50 µs.
		Round together = new Round(1, 1, measurement("a", 500, 40, 0), measurement("b", 900, 50, 0), true);
		assertThat(together.ratio()).isCloseTo(1.25, within(1e-12));
		assertThat(new Round(1, 1, together.a(), together.b()).ratio()).isCloseTo(500.0 / 900, within(1e-12));
	}

	private static Round round(int launch, int round, double ratio) {
		return new Round(launch, round, measurement("a", 1000 * ratio, 10, 0), measurement("b", 1000, 10, 0));
	}

	private static Measurement measurement(String server, double requestsPerSecond, double cpuMicros,
			double compilerMicros) {
		return new Measurement(server, "trivial by id",
				new LoadResult((long) (requestsPerSecond * 5), 5, requestsPerSecond, 0.4, 1.2, 0), cpuMicros,
				compilerMicros);
	}

}
