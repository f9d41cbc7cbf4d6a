package dev.persistedops.benchmark.harness;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsReportTests {

	private static final LoadRequest REQUEST = new LoadRequest("trivial by id", "POST", "", "{}", null);

	@Test
	void summaryGivesTheMediansIntervalAndSaysWhenItHoldsTheTarget() {
		// Rounds 0.93 to 1.07: the median is 1.00, its interval 0.96-1.04.
		String report = render(comparisonWithTarget(1.0), ratios(93, 15));
		assertThat(report).contains("| median, 95 % interval |")
			.contains("| **1.00×** | 0.96–1.04 | 0.93–1.07 | 15 |")
			.contains("≥ 1.00×: met (the target is inside the median's interval) |");
	}

	@Test
	void summarySaysNothingOfTheIntervalWhenItIsClearOfTheTarget() {
		String report = render(comparisonWithTarget(0.9), ratios(93, 15));
		assertThat(report).contains("≥ 0.90×: met |");
		report = render(comparisonWithTarget(1.2), ratios(93, 15));
		assertThat(report).contains("≥ 1.20×: **not met** |");
	}

	@Test
	void summaryHasNoIntervalForTooFewRounds() {
		String report = render(comparisonWithTarget(1.0), ratios(98, 5));
		assertThat(report).contains("| **1.00×** | – | 0.98–1.02 | 5 |").contains("≥ 1.00×: met |");
	}

	private static Comparison comparisonWithTarget(double target) {
		return Comparison
			.of("starter by id / APQ", "trivial", new Comparison.Side("a", REQUEST), new Comparison.Side("b", REQUEST))
			.withTarget(target);
	}

	/** Ratios a hundredth apart, from the first, given in hundredths. */
	private static List<Double> ratios(int firstHundredths, int count) {
		return IntStream.range(0, count).mapToObj((i) -> (firstHundredths + i) / 100.0).toList();
	}

	private static String render(Comparison comparison, List<Double> ratios) {
		SessionPlan plan = new SessionPlan("peers", "Peers", List.of(), List.of(comparison), List.of());
		SessionResult result = SessionResult.of(plan);
		result.add(comparison,
				IntStream.range(0, ratios.size())
					.mapToObj((i) -> new Round(1 + i / 5, 1 + i % 5, measurement("a", 1000 * ratios.get(i)),
							measurement("b", 1000)))
					.toList());
		return ResultsReport.render(Settings.parse(Path.of("/repo"), 2), Map.of(), "0", "0", List.of(result), List.of(),
				null);
	}

	private static Measurement measurement(String server, double requestsPerSecond) {
		return new Measurement(server, "trivial by id",
				new LoadResult((long) (requestsPerSecond * 5), 5, requestsPerSecond, 0.4, 1.2, 0), 10);
	}

}
