package dev.persistedops.benchmark.harness;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The statistics of the results: ratios per round, medians, and ratios pooled over the
 * launches of the servers (the same server varies by 15-20 % from one launch to the next
 * through JIT alone, so one launch proves nothing: every round of every launch counts
 * once).
 */
public final class Statistics {

	private Statistics() {
	}

	/**
	 * Return {@code a} over {@code b}: A's throughput over B's, or B's cost over A's.
	 * @throws IllegalArgumentException if {@code b} is not positive
	 */
	public static double ratio(double a, double b) {
		if (!(b > 0)) {
			throw new IllegalArgumentException("The denominator of a ratio must be positive, not " + b);
		}
		return a / b;
	}

	/**
	 * Return the median of the values: the middle one, or the mean of the two middle
	 * ones.
	 * @throws IllegalArgumentException if there are none
	 */
	public static double median(List<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("No values");
		}
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(Comparator.naturalOrder());
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/**
	 * Return an interval that holds the median of what was sampled with a probability of
	 * at least 95 %, from the values alone (no assumption on their distribution): the
	 * k-th lowest and the k-th highest value, with k the largest rank for which a
	 * median-splitting coin gives fewer than k heads out of n with a probability of at
	 * most 2.5 %. It treats the values as independent, which rounds of different launches
	 * are not quite (each launch has its own JIT): read it as a lower bound on the noise.
	 * @return the interval, or empty if there are too few values (fewer than six) for one
	 * @throws IllegalArgumentException if there are none
	 */
	public static Optional<Interval> medianInterval(List<Double> values) {
		if (values.isEmpty()) {
			throw new IllegalArgumentException("No values");
		}
		int n = values.size();
		// P(fewer than k heads) for k = 1, 2, ...: the binomial distribution at p = 1/2.
		// In logarithms, which neither overflow nor underflow for many values.
		double below = 0;
		double logChoose = 0;
		int k = 0;
		for (int heads = 0; heads < n; heads++) {
			below += Math.exp(logChoose - n * Math.log(2));
			if (below > 0.025) {
				break;
			}
			k = heads + 1;
			logChoose += Math.log(n - heads) - Math.log(heads + 1);
		}
		if (k == 0) {
			return Optional.empty();
		}
		List<Double> sorted = new ArrayList<>(values);
		sorted.sort(Comparator.naturalOrder());
		return Optional.of(new Interval(sorted.get(k - 1), sorted.get(n - k)));
	}

	/**
	 * Pool the rounds of every launch into one summary.
	 * @throws IllegalArgumentException if there are no rounds
	 */
	public static Pooled pool(List<Round> rounds) {
		if (rounds.isEmpty()) {
			throw new IllegalArgumentException("No rounds");
		}
		List<Double> ratios = rounds.stream().map(Round::ratio).toList();
		Map<Integer, List<Double>> byLaunch = new TreeMap<>();
		for (Round round : rounds) {
			byLaunch.computeIfAbsent(round.launch(), (launch) -> new ArrayList<>()).add(round.ratio());
		}
		List<Double> launchMedians = byLaunch.values().stream().map(Statistics::median).toList();
		return new Pooled(median(ratios), medianInterval(ratios), min(ratios), max(ratios), ratios.size(),
				launchMedians, medianOf(rounds, (round) -> round.a().cpuMicrosPerRequest()),
				medianOf(rounds, (round) -> round.b().cpuMicrosPerRequest()),
				medianOf(rounds, (round) -> round.a().requestsPerSecond()),
				medianOf(rounds, (round) -> round.b().requestsPerSecond()),
				medianOf(rounds, (round) -> round.a().compilerShare()),
				medianOf(rounds, (round) -> round.b().compilerShare()));
	}

	private static double medianOf(List<Round> rounds, ToDoubleFunction<Round> value) {
		return median(rounds.stream().map(value::applyAsDouble).toList());
	}

	private static double min(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
	}

	private static double max(List<Double> values) {
		return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
	}

	/**
	 * The rounds of every launch, pooled.
	 *
	 * @param median the median of every per-round ratio
	 * @param medianInterval where the median lies at 95 %, if there are rounds enough
	 * @param min the lowest per-round ratio
	 * @param max the highest per-round ratio
	 * @param rounds how many rounds
	 * @param launchMedians the median ratio of each launch, in launch order
	 * @param cpuMicrosA the median CPU time per request of A, in microseconds
	 * @param cpuMicrosB the same for B
	 * @param requestsPerSecondA the median throughput of A
	 * @param requestsPerSecondB the same for B
	 * @param compilerShareA the median share of A's CPU time its JIT compiler used, 0 to
	 * 1
	 * @param compilerShareB the same for B
	 */
	public record Pooled(double median, Optional<Interval> medianInterval, double min, double max, int rounds,
			List<Double> launchMedians, double cpuMicrosA, double cpuMicrosB, double requestsPerSecondA,
			double requestsPerSecondB, double compilerShareA, double compilerShareB) {

	}

	/**
	 * An interval of values.
	 *
	 * @param low its lower end
	 * @param high its upper end
	 */
	public record Interval(double low, double high) {

		/**
		 * Whether the interval lies on both sides of a target, as a median is judged
		 * against it (met at or above it): then the values cannot tell the median from
		 * the target.
		 */
		public boolean straddles(double target) {
			return this.low < target && this.high >= target;
		}

	}

}
