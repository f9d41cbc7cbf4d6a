package dev.persistedops.benchmark.harness;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

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
	void summaryGivesTheShareOfEachSidesCpuThatItsJitCompilerUsed() {
		String report = render(comparisonWithTarget(1.0), ratios(93, 15));
		assertThat(report).contains("| JIT compiler, % of A's / B's CPU |").contains("| 2.0 / 2.0 | ≥ 1.00×");
	}

	@Test
	void summarySaysNothingOfTheIntervalWhenItIsClearOfTheTarget() {
		String report = render(comparisonWithTarget(0.9), ratios(93, 15));
		assertThat(report).contains("≥ 0.90×: met |");
		report = render(comparisonWithTarget(1.2), ratios(93, 15));
		assertThat(report).contains("≥ 1.20×: **not met** |");
	}

	@Test
	void summaryGivesFourPlacesWhenTwoWouldReadAsTheTarget() {
		assertThat(ResultsReport.closer(0.9695, 0.97)).isEqualTo(" (0.9695×)");
		assertThat(ResultsReport.closer(0.9749, 0.97)).isEqualTo(" (0.9749×)");
		assertThat(ResultsReport.closer(0.97, 0.97)).isEmpty();
		assertThat(ResultsReport.closer(0.9649, 0.97)).isEmpty();
		assertThat(ResultsReport.closer(1.01, 0.97)).isEmpty();
		String report = render(comparisonWithTarget(1.004), ratios(98, 5));
		assertThat(report).contains("≥ 1.00×: **not met** (1.0000×) |");
	}

	@Test
	void theReportGivesTheCommandAsItCanBeRunAgain() {
		Settings settings = Settings.parse(Path.of("/repo"), 2, "--sessions", "peers", "--comparisons",
				"by id / graphql-java APQ", "--launches", "10");
		String report = ResultsReport.render(settings, Map.of(), "0", "0", List.of(), null);
		assertThat(report).contains(
				"Written by `benchmarks/run --sessions peers --comparisons \"by id / graphql-java APQ\" --launches 10` on");
	}

	@Test
	void summaryHasNoIntervalForTooFewRounds() {
		String report = render(comparisonWithTarget(1.0), ratios(98, 5));
		assertThat(report).contains("| **1.00×** | – | 0.98–1.02 | 5 |").contains("≥ 1.00×: met |");
	}

	@Test
	void startupComparesEachStoreWithTheSmallestOfItsKindAndLeavesSizedCachesOut() {
		DocumentSet small = new DocumentSet(100, Path.of("/s"), Path.of("/s.json"), Path.of("/s.txt"));
		DocumentSet large = new DocumentSet(100_000, Path.of("/l"), Path.of("/l.json"), Path.of("/l.txt"));
		List<String> names = List.of(Sessions.scaleServer(small, false), Sessions.scaleServer(large, false),
				Sessions.scaleServer(large, true), Sessions.hugePagesServer(large), Sessions.scaleFirstUseServer(small),
				Sessions.scaleFirstUseServer(large), Sessions.scaleUnlistedServer(small),
				Sessions.scaleUnlistedServer(large), Sessions.scaleManifestServer(small),
				Sessions.scaleManifestServer(large));
		List<ServerSpec> servers = names.stream()
			.map((name) -> new ServerSpec(name, name, List.of(), List.of(), REQUEST))
			.toList();
		SessionResult result = SessionResult.of(new SessionPlan("scale", "Scale", servers, List.of(), List.of()));
		double[] seconds = { 5.0, 6.5, 9.0, 9.0, 4.75, 5.0, 4.5, 4.25, 4.5, 5.25 };
		for (int i = 0; i < names.size(); i++) {
			result.launches().add(new SessionResult.ServerLaunch(names.get(i), 1, 1, seconds[i], 20, 20));
		}
		String report = ResultsReport.render(Settings.parse(Path.of("/repo"), 2), Map.of(), "0", "0",
				List.of(part(result)), null);
		assertThat(report).contains("startup files, 100,000 vs 100: **+1.50 s**")
			.contains("startup files read on first use, 100,000 vs 100: **+0.25 s**")
			.contains("startup files found by id, not listed, 100,000 vs 100: **-0.25 s**")
			.contains("startup one manifest, 100,000 vs 100: **+0.75 s**")
			.doesNotContain("+4.00 s");
	}

	@Test
	void startupsTimedSeveralTimesInALaunchAreComparedStartByStartAndListedLaunchByLaunch() {
		DocumentSet small = new DocumentSet(100, Path.of("/s"), Path.of("/s.json"), Path.of("/s.txt"));
		DocumentSet large = new DocumentSet(100_000, Path.of("/l"), Path.of("/l.json"), Path.of("/l.txt"));
		String smallServer = Sessions.scaleFirstUseServer(small);
		String largeServer = Sessions.scaleFirstUseServer(large);
		List<ServerSpec> servers = Stream.of(smallServer, largeServer)
			.map((name) -> new ServerSpec(name, name, List.of(), List.of(), REQUEST))
			.toList();
		SessionResult result = SessionResult.of(new SessionPlan("scale", "Scale", servers, List.of(), List.of(), 2));
		// Launch 1 started slowly, then fast; launch 2 the other way round. Start by
		// start the large store took 1.0, 1.5, 2.0 and 2.5 s longer: a median of 1.75.
		// Each paired with the first start of its launch instead: +1.0, -2.5, +2.0 and
		// +6.5, a median of 1.5.
		double[][] seconds = { { 8.0, 4.0, 4.0, 8.0 }, { 9.0, 5.5, 6.0, 10.5 } };
		for (int server = 0; server < 2; server++) {
			for (int i = 0; i < 4; i++) {
				result.launches()
					.add(new SessionResult.ServerLaunch(servers.get(server).name(), 1 + i / 2, 1 + i % 2,
							seconds[server][i], 20, 20));
			}
		}
		String report = ResultsReport.render(Settings.parse(Path.of("/repo"), 2), Map.of(), "0", "0",
				List.of(part(result)), null);
		assertThat(report)
			.contains("startup files read on first use, 100,000 vs 100: **+1.75 s** (median of the differences, "
					+ "start by start: +1.00, +1.50, +2.00, +2.50)")
			.contains("| scale | " + largeServer + " | 7.50 | 9.00, 5.50; 6.00, 10.50 |")
			.contains("In the scale part, each server was started alone 2 times in each launch");
	}

	@Test
	void theReportSaysOnWhichCpusTheStartupsWereTimed() {
		List<ServerSpec> servers = List.of(new ServerSpec("files", "files", List.of(), List.of(), REQUEST));
		SessionResult result = SessionResult.of(new SessionPlan("scale", "Scale", servers, List.of(), List.of()));
		result.launches().add(new SessionResult.ServerLaunch("files", 1, 1, 5.0, 20, 20));
		String unpinned = ResultsReport.render(Settings.parse(Path.of("/repo"), 2), Map.of(), "0", "0",
				List.of(part(result)), null);
		assertThat(unpinned).contains("| CPUs of a server timed at startup (alone, with no load running) | all |")
			.contains("to the first answer with data, on every CPU.");
		String pinned = ResultsReport.render(Settings.parse(Path.of("/repo"), 2, "--startup-cpus", "0"), Map.of(), "0",
				"0", List.of(part(result)), null);
		assertThat(pinned).contains("| CPUs of a server timed at startup (alone, with no load running) | 0 |")
			.contains("to the first answer with data, on CPUs 0.");
	}

	@Test
	void theReportSaysHowTheRoundsWereMeasuredAndWhatEachIsMadeOf() {
		Comparison comparison = comparisonWithTarget(1.0);
		SessionResult result = SessionResult
			.of(new SessionPlan("peers", "Peers", List.of(), List.of(comparison), List.of()));
		Measurement a = new Measurement("a", "trivial by id", new LoadResult(5000, 5, 1000, 0.4, 1.2, 0), 40, 0.2);
		Measurement b = new Measurement("b", "trivial by id", new LoadResult(4000, 5, 800, 0.4, 1.2, 0), 50, 0.2);
		result.add(comparison, List.of(new Round(1, 1, a, b, true), new Round(1, 2, a, b)));
		String together = ResultsReport.render(Settings.parse(Path.of("/repo"), 2), Map.of(), "0", "0",
				List.of(part(result)), null);
		assertThat(together).contains("| rounds of two servers | together, by CPU time per request |")
			.contains("a round measures them together")
			.contains("  - launch 1: 1.250 (40.0/50.0 µs, together), 1.250 (1000/800)");
		String inTurn = ResultsReport.render(Settings.parse(Path.of("/repo"), 2, "--in-turn"), Map.of(), "0", "0",
				List.of(part(result)), null);
		assertThat(inTurn).contains("| rounds of two servers | in turn, by throughput (--in-turn) |")
			.contains("runs in alternating rounds")
			.doesNotContain("a round measures them together");
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
		return ResultsReport.render(Settings.parse(Path.of("/repo"), 2), Map.of(), "0", "0", List.of(part(result)),
				null);
	}

	static Part part(SessionResult result) {
		return new Part(result.plan().name(), Instant.parse("2026-11-27T18:00:00Z"),
				Instant.parse("2026-11-27T19:00:00Z"), "0.5 0.4 0.3", "1.0 0.9 0.8", result, List.of(), false);
	}

	private static Measurement measurement(String server, double requestsPerSecond) {
		return new Measurement(server, "trivial by id",
				new LoadResult((long) (requestsPerSecond * 5), 5, requestsPerSecond, 0.4, 1.2, 0), 10, 0.2);
	}

}
