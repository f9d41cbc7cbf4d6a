package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class SavedPartsTests {

	private static final String KEY = "code=742727b; options=--launches 3";

	private static final Machine.Code CODE = new Machine.Code("742727b", false);

	private static final LoadRequest TRIVIAL = new LoadRequest("trivial by id", "POST", "", "{}", null);

	@TempDir
	Path parts;

	@Test
	void aResumedRunReadsBackWhatEachFinishedPartMeasured() {
		SessionResult stores = storesResult();
		SavedParts.start(this.parts, KEY).save(part("stores", stores, List.of()));
		SavedParts resumed = SavedParts.resume(this.parts, CODE, KEY);
		Part part = resumed.part("stores").orElseThrow();
		assertThat(part.earlier()).isTrue();
		assertThat(part.started()).isEqualTo(Instant.parse("2026-11-27T18:00:00Z"));
		assertThat(part.loadAtEnd()).isEqualTo("1.00 0.90 0.80");
		SessionResult read = part.result();
		assertThat(read).isNotNull();
		assertThat(read.plan().name()).isEqualTo("stores");
		assertThat(read.plan().title()).isEqualTo("Stores at steady state");
		assertThat(read.plan().startups()).isEqualTo(2);
		assertThat(read.plan().servers()).extracting(ServerSpec::name, ServerSpec::description, ServerSpec::properties)
			.containsExactly(Tuple.tuple("redis", "the same,\tRedis \\ store\non two lines",
					List.of("persisted-ops.store.type=redis", "spring.data.redis.port=6390")));
		Comparison comparison = read.plan().comparisons().get(0);
		assertThat(comparison.title()).isEqualTo("Redis by id / files by id");
		assertThat(comparison.target()).isEqualTo(0.97);
		assertThat(comparison.a()).hasToString("redis: trivial by id");
		assertThat(read.rounds().get(comparison)).isEqualTo(stores.rounds().values().iterator().next());
		assertThat(read.launches()).isEqualTo(stores.launches());
	}

	@Test
	void aResumedRunReadsBackJmhRows() {
		List<List<String>> rows = List.of(List.of("Benchmark", "Score"), List.of("lookup", "0.17"));
		SavedParts.start(this.parts, KEY).save(part("jmh", null, rows));
		Part part = SavedParts.resume(this.parts, CODE, KEY).part("jmh").orElseThrow();
		assertThat(part.result()).isNull();
		assertThat(part.jmh()).isEqualTo(rows);
	}

	@Test
	void aResumedRunRendersTheReportOfTheRunItGoesOn() {
		SessionResult stores = storesResult();
		Settings settings = Settings.parse(Path.of("/repo"), 2, "--sessions", "stores");
		String measured = ResultsReport.render(settings, Map.of(), "0", "0", List.of(part("stores", stores, List.of())),
				null);
		SavedParts.start(this.parts, KEY).save(part("stores", stores, List.of()));
		String resumed = ResultsReport.render(settings, Map.of(), "0", "0",
				SavedParts.resume(this.parts, CODE, KEY).parts(), null);
		assertThat(resumed).contains("**Measured in more than one sitting:**")
			.contains("| stores | 2026-11-27T18:00:00Z | 2026-11-27T19:00:00Z | 0.50 0.40 0.30 / 1.00 0.90 0.80 | "
					+ "earlier |");
		assertThat(measured).doesNotContain("more than one sitting");
		assertThat(withoutSittings(resumed)).isEqualTo(withoutSittings(measured));
	}

	@Test
	void aNewRunForgetsWhatAnEarlierOneKept() {
		SavedParts.start(this.parts, KEY).save(part("stores", storesResult(), List.of()));
		SavedParts.start(this.parts, KEY);
		assertThat(SavedParts.resume(this.parts, CODE, KEY).parts()).isEmpty();
	}

	@Test
	void aRunOfAnotherCommitMachineOrOptionsIsNotResumed() {
		SavedParts.start(this.parts, KEY).save(part("stores", storesResult(), List.of()));
		assertThatIllegalStateException()
			.isThrownBy(() -> SavedParts.resume(this.parts, CODE, "code=1cdb3eb; options="))
			.withMessageContaining("stores.tsv was kept by a run of other code, machine, JVM or options")
			.withMessageContaining("without --resume");
	}

	@Test
	void aCheckoutWithUncommittedChangesIsNotResumed() {
		assertThatIllegalStateException()
			.isThrownBy(() -> SavedParts.resume(this.parts, new Machine.Code("742727b", true), KEY))
			.withMessageContaining("uncommitted changes cannot be resumed");
	}

	@Test
	void aPartIsKeptWholeUnderItsOwnName() throws Exception {
		SavedParts.start(this.parts, KEY).save(part("stores", storesResult(), List.of()));
		try (var files = Files.list(this.parts)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("stores.tsv");
		}
	}

	@Test
	void aPartLeftHalfWrittenByAStoppedRunIsNotKept() throws Exception {
		SavedParts.start(this.parts, KEY).save(part("stores", storesResult(), List.of()));
		List<String> whole = Files.readAllLines(this.parts.resolve("stores.tsv"));
		// Stopped while it wrote the next part, or the same part once more.
		Files.write(this.parts.resolve("scale.tsv.partial"), whole.subList(0, 3));
		Files.write(this.parts.resolve("stores.tsv.partial"), whole.subList(0, 3));
		SavedParts resumed = SavedParts.resume(this.parts, CODE, KEY);
		assertThat(resumed.parts()).extracting(Part::name).containsExactly("stores");
		SessionResult read = resumed.part("stores").orElseThrow().result();
		assertThat(read).isNotNull();
		assertThat(List.copyOf(read.rounds().values())).isEqualTo(List.copyOf(storesResult().rounds().values()));
	}

	@Test
	void aKeptPartThatIsNotWholeIsReportedByName() throws Exception {
		SavedParts.start(this.parts, KEY).save(part("stores", storesResult(), List.of()));
		Path file = this.parts.resolve("stores.tsv");
		List<String> whole = Files.readAllLines(file);
		Files.write(file, whole.subList(0, whole.size() - 1));
		assertThatIllegalStateException().isThrownBy(() -> SavedParts.resume(this.parts, CODE, KEY))
			.withMessageContaining("Cannot read " + file + ": it is not whole")
			.withMessageContaining("without --resume");
	}

	@Test
	void aKeptPartWithAnUnreadableFieldIsReportedByName() throws Exception {
		SavedParts.start(this.parts, KEY).save(part("stores", storesResult(), List.of()));
		Path file = this.parts.resolve("stores.tsv");
		List<String> lines = new ArrayList<>(Files.readAllLines(file));
		int launch = lines
			.indexOf(lines.stream().filter((line) -> line.startsWith("launch\t")).findFirst().orElseThrow());
		lines.set(launch, "launch\tredis\tone");
		Files.write(file, lines);
		assertThatIllegalStateException().isThrownBy(() -> SavedParts.resume(this.parts, CODE, KEY))
			.withMessageContaining("Cannot read " + file + ": it has a line with a field missing or unreadable");
	}

	@Test
	void aRoundKeptWithoutHowItWasMeasuredWasMeasuredInTurn() throws Exception {
		SavedParts.start(this.parts, KEY).save(part("stores", storesResult(), List.of()));
		Path file = this.parts.resolve("stores.tsv");
		// Parts kept before rounds were measured together end a round with B's fields.
		endRoundsWith(file, "");
		SessionResult read = SavedParts.resume(this.parts, CODE, KEY).part("stores").orElseThrow().result();
		assertThat(read).isNotNull();
		List<Round> rounds = read.rounds().values().iterator().next();
		assertThat(rounds).extracting(Round::together).containsExactly(false, false);
		assertThat(rounds.get(1).ratio()).isEqualTo(0.5);
	}

	@Test
	void aRoundMeasuredNeitherTogetherNorInTurnIsReportedByName() throws Exception {
		SavedParts.start(this.parts, KEY).save(part("stores", storesResult(), List.of()));
		Path file = this.parts.resolve("stores.tsv");
		endRoundsWith(file, "\tat random");
		assertThatIllegalStateException().isThrownBy(() -> SavedParts.resume(this.parts, CODE, KEY))
			.withMessageContaining(
					"Cannot read " + file + ": a round measured neither 'together' nor 'in turn': at random");
	}

	@Test
	void aKeptSideKeepsItsMethod() {
		LoadRequest get = new LoadRequest("trivial GET", "GET", "?id=1", null, null);
		Comparison comparison = Comparison.of("GET / by id", "trivial", new Comparison.Side("files", get),
				new Comparison.Side("files", TRIVIAL));
		SessionResult result = SessionResult
			.of(new SessionPlan("stores", "Stores", List.of(), List.of(comparison), List.of()));
		SavedParts.start(this.parts, KEY).save(part("stores", result, List.of()));
		Comparison read = SavedParts.resume(this.parts, CODE, KEY)
			.part("stores")
			.orElseThrow()
			.result()
			.plan()
			.comparisons()
			.get(0);
		assertThat(read.a().request().method()).isEqualTo("GET");
		assertThat(read.b().request().method()).isEqualTo("POST");
	}

	@Test
	void theKeyIsTheCodeTheMachineButItsDateAndCommitAndTheOptions() {
		Settings settings = Settings.parse(Path.of("/repo"), 2, "--launches", "3", "--resume");
		Map<String, String> machine = new LinkedHashMap<>();
		machine.put(Machine.DATE, "2026-11-27T18:00:00Z");
		machine.put("CPU model", "AMD EPYC");
		machine.put(Machine.COMMIT, "46da64d");
		assertThat(SavedParts.key(machine, CODE, settings))
			.isEqualTo("code=742727b; CPU model=AMD EPYC; options=--launches 3");
	}

	@Test
	void theKeyLeavesOutWhichPartsASittingMeasuresAndWhereItsReportGoes() {
		Map<String, String> machine = Map.of("CPU model", "AMD EPYC");
		Settings all = Settings.parse(Path.of("/repo"), 2, "--launches", "3", "--warmup", "20");
		Settings scale = Settings.parse(Path.of("/repo"), 2, "--launches", "3", "--sessions", "scale", "--warmup", "20",
				"--output", "/tmp/scale.md");
		Settings fewerLaunches = Settings.parse(Path.of("/repo"), 2, "--launches", "2", "--sessions", "scale",
				"--warmup", "20");
		assertThat(SavedParts.key(machine, CODE, scale)).isEqualTo(SavedParts.key(machine, CODE, all))
			.endsWith("options=--launches 3 --warmup 20");
		assertThat(SavedParts.key(machine, CODE, fewerLaunches)).isNotEqualTo(SavedParts.key(machine, CODE, all));
	}

	private static SessionResult storesResult() {
		ServerSpec redis = new ServerSpec("redis", "the same,\tRedis \\ store\non two lines", List.of("-cp", "x"),
				List.of("persisted-ops.store.type=redis", "spring.data.redis.port=6390"), TRIVIAL);
		Comparison comparison = Comparison
			.of("Redis by id / files by id", "trivial", new Comparison.Side("redis", TRIVIAL),
					new Comparison.Side("files", TRIVIAL))
			.withTarget(0.97);
		SessionResult result = SessionResult
			.of(new SessionPlan("stores", "Stores at steady state", List.of(redis), List.of(comparison), List.of(), 2));
		result.add(comparison,
				List.of(new Round(1, 1, measurement("redis", 16490.123456789), measurement("files", 17008)),
						new Round(1, 2, measurement("redis", 1.0 / 3), measurement("files", 2.0 / 3), true)));
		result.launches().add(new SessionResult.ServerLaunch("redis", 1, 1, 9.14, 26.2, 27.5));
		result.launches().add(new SessionResult.ServerLaunch("redis", 1, 2, 8.5, 25.9, 27.5));
		return result;
	}

	private static Measurement measurement(String server, double requestsPerSecond) {
		return new Measurement(server, "trivial by id",
				new LoadResult((long) (requestsPerSecond * 2), 2.01, requestsPerSecond, 0.4, 1.2, 3), 123.3, 0.1 / 7);
	}

	private static Part part(String name, @Nullable SessionResult result, List<List<String>> jmh) {
		return new Part(name, Instant.parse("2026-11-27T18:00:00Z"), Instant.parse("2026-11-27T19:00:00Z"),
				"0.50 0.40 0.30", "1.00 0.90 0.80", result, jmh, false);
	}

	/**
	 * Rewrite a kept part so that each of its rounds ends with the given text instead of
	 * its last field, how the round was measured.
	 */
	private static void endRoundsWith(Path file, String end) throws IOException {
		Files.write(file,
				Files.readAllLines(file)
					.stream()
					.map((line) -> line.startsWith("round\t") ? line.substring(0, line.lastIndexOf('\t')) + end : line)
					.toList());
	}

	/**
	 * Return the report without what tells the sittings apart: the bold line of a resumed
	 * run, and the table of the parts.
	 */
	private static String withoutSittings(String report) {
		return report.replaceAll("(?m)^\\*\\*Measured in more than one sitting:\\*\\*.*\n\n", "")
			.replaceFirst("(?ms)^\\| part \\| measured from .*?\n\n", "");
	}

}
