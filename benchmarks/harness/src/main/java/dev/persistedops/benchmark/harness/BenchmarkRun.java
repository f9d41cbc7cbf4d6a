package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The harness's entry point, run by {@code benchmarks/run}: runs the parts the settings
 * ask for, then writes the report. A run that fails writes what it measured to
 * {@code benchmarks/target/work/RESULTS-failed.md} and leaves RESULTS.md as it was; the
 * parts it finished are kept, and {@code --resume} goes on with the others
 * ({@link SavedParts}).
 */
public final class BenchmarkRun {

	private static final PrintStream out = System.out;

	private BenchmarkRun() {
	}

	public static void main(String[] args) throws IOException {
		Path root = Path.of(System.getProperty("benchmark.root", ".")).toAbsolutePath().normalize();
		Settings settings;
		try {
			settings = Settings.parse(root, Machine.cpuCount(), args).withClockTicks(Machine.clockTicksPerSecond());
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		Files.createDirectories(settings.work());
		Files.deleteIfExists(settings.work().resolve("pids"));
		ChildProcesses processes = new ChildProcesses(settings.work().resolve("pids"));
		String loadAtStart = Machine.loadAverage();
		Map<String, String> machine = Machine.describe(settings);
		Machine.Code code = Machine.code(settings);
		SavedParts saved;
		try {
			String key = SavedParts.key(machine, code, settings);
			saved = settings.resume() ? SavedParts.resume(settings.parts(), code, key)
					: SavedParts.start(settings.parts(), key);
		}
		catch (IllegalStateException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		List<String> toMeasure = settings.sessions().stream().filter((name) -> saved.part(name).isEmpty()).toList();
		if (toMeasure.isEmpty()) {
			out.printf("Benchmarks: %s; every part was measured by an earlier sitting: nothing left to measure%n",
					settings.sessions());
		}
		else {
			long[] minutes = estimatedMinutes(settings, toMeasure);
			out.printf(
					"Benchmarks: %s; %d launch(es) × %d rounds × %d s per side; %s%s%d to %d minutes, "
							+ "depending on how soon the servers settle%n",
					settings.sessions(), settings.launches(), settings.rounds(), settings.duration().toSeconds(),
					toMeasure.equals(settings.sessions()) ? "" : "measuring " + toMeasure + " in ",
					settings.comparisons().isEmpty() ? "" : "the comparisons with \"" + settings.comparisons()
							+ "\" in their title only: less than the whole parts' ",
					minutes[0], minutes[1]);
		}
		for (String name : settings.sessions()) {
			saved.part(name)
				.ifPresent((kept) -> out.printf("[%s] measured by an earlier sitting of this run, from %s to %s%n",
						name, kept.started(), kept.ended()));
		}
		String failure = null;
		try {
			run(settings, processes, saved, toMeasure);
		}
		catch (RuntimeException ex) {
			failure = ex.getMessage();
			ex.printStackTrace();
		}
		finally {
			processes.stopAll();
		}
		List<Part> parts = saved.parts().stream().filter((part) -> settings.runs(part.name())).toList();
		String report = ResultsReport.render(settings, machine, loadAtStart, Machine.loadAverage(), parts, failure);
		Path output = (failure != null) ? settings.work().resolve("RESULTS-failed.md") : settings.output();
		Files.writeString(output, report, StandardCharsets.UTF_8);
		out.println("Wrote " + output);
		if (failure != null && !parts.isEmpty()) {
			out.println(code.uncommitted()
					? "The parts measured so far cannot be resumed: the checkout has uncommitted changes"
					: "The parts measured so far are kept: run again with --resume (and the same options) "
							+ "to go on with the rest");
		}
		System.exit((failure != null) ? 1 : 0);
	}

	/**
	 * Run each of the given parts, keeping each once it has finished.
	 */
	private static void run(Settings settings, ChildProcesses processes, SavedParts saved, List<String> parts) {
		Classpaths classpaths = new Classpaths(settings.root());
		SessionRunner runner = new SessionRunner(settings, processes, out);
		for (String name : parts) {
			Instant started = Instant.now().truncatedTo(ChronoUnit.SECONDS);
			String loadAtStart = Machine.loadAverage();
			if (name.equals("jmh")) {
				out.println("[jmh] running the microbenchmarks");
				List<List<String>> jmh = JmhRun.run(settings, processes, classpaths);
				saved.save(Part.measured(name, started, loadAtStart, null, jmh));
			}
			else {
				SessionResult result = measure(name, settings, processes, classpaths, runner);
				saved.save(Part.measured(name, started, loadAtStart, result, List.of()));
			}
		}
	}

	private static SessionResult measure(String name, Settings settings, ChildProcesses processes,
			Classpaths classpaths, SessionRunner runner) {
		if (name.equals("peers")) {
			DocumentSet documents = DocumentSet.generate(settings.work(), settings.smallestSize());
			return runner.run(Sessions.peers(classpaths, documents));
		}
		if (name.equals("stores")) {
			DocumentSet documents = DocumentSet.generate(settings.work(), settings.smallestSize());
			ExternalService redis = null;
			ExternalService azurite = null;
			try {
				redis = ExternalService.redis(processes, settings);
				azurite = ExternalService.azurite(processes, settings);
				publish(settings, processes, classpaths, documents, redis);
				publish(settings, processes, classpaths, documents, azurite);
				return runner
					.run(Sessions.stores(classpaths, documents, redis.storeProperties(), azurite.storeProperties()));
			}
			finally {
				stop(processes, redis);
				stop(processes, azurite);
			}
		}
		List<DocumentSet> sets = new ArrayList<>();
		for (int size : settings.sizes()) {
			out.printf("[scale] documents: %,d%n", size);
			DocumentSet set = DocumentSet.generate(settings.work(), size);
			set.readAll();
			sets.add(set);
		}
		return runner
			.run(Sessions.scale(classpaths, sets, settings.comparesHugePages(System.getProperty("os.name", ""))));
	}

	/**
	 * Publish the documents into a remote store with the starter's own deploy-time
	 * publishing: a run of the app without a web server, which exits when done.
	 */
	private static void publish(Settings settings, ChildProcesses processes, Classpaths classpaths,
			DocumentSet documents, ExternalService store) {
		List<String> command = new ArrayList<>(List.of(settings.java(), "-Xmx512m"));
		command.addAll(classpaths.stores());
		command.addAll(List.of("--spring.main.web-application-type=none", "--persisted-ops.publish.enabled=true",
				"--persisted-ops.publish.filesystem.locations=file:" + documents.directory() + "/"));
		store.storeProperties().forEach((property) -> command.add("--" + property));
		Path log = settings.work()
			.resolve("logs/publish-" + store.storeProperties().get(0).replaceAll("\\W+", "-") + ".log");
		Process publish = processes.start(command, settings.serverCpus(), log);
		try {
			if (!publish.waitFor(5, TimeUnit.MINUTES) || publish.exitValue() != 0) {
				processes.stop(publish);
				throw new IllegalStateException("Publishing the documents failed: see " + log);
			}
			processes.stop(publish);
			out.println("[stores] published " + documents.size() + " documents: " + lastLine(log));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static String lastLine(Path log) {
		try {
			return Files.readAllLines(log, StandardCharsets.UTF_8)
				.stream()
				.filter((line) -> line.contains("Published"))
				.reduce((first, second) -> second)
				.map((line) -> line.substring(line.indexOf("Published")))
				.orElse("");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void stop(ChildProcesses processes, @Nullable ExternalService service) {
		if (service != null) {
			service.stop(processes);
		}
	}

	/**
	 * Return a rough estimate of how long the given parts take, in minutes, as the least
	 * and the most they may take: the measured seconds, about 15 s per server start (each
	 * measured server starts once more than it is timed alone: to be measured), and each
	 * measured server's warm-up, which takes from the warm-up time and two turns of its
	 * requests at full concurrency (a server that settles at once) to its limits and the
	 * pauses for its compiler (one that never does). It leaves out generating and
	 * publishing the documents.
	 * @param settings the run's settings
	 * @param parts the parts to measure (those a resumed run kept are not)
	 */
	static long[] estimatedMinutes(Settings settings, List<String> parts) {
		long side = settings.duration().toSeconds();
		long warmup = settings.warmup().toSeconds();
		long turn = 2 * SessionRunner.WARMUP_SLICE.toSeconds();
		long mostWarmup = (SessionRunner.WARMUP_LIMIT + SessionRunner.FULL_CONCURRENCY_LIMIT) * warmup
				+ 2 * SessionRunner.COMPILER_DRAIN_LIMIT.toSeconds();
		int sizes = settings.sizes().size();
		int hugePages = settings.comparesHugePages(System.getProperty("os.name")) ? 1 : 0;
		// Per part (as Sessions plans them): comparisons, servers measured, requests they
		// warm up in all, servers timed at startup only, startups timed per server.
		Map<String, int[]> plans = Map.of("peers", new int[] { 18, 9, 26, 0, 1 }, "stores", new int[] { 6, 4, 8, 0, 1 },
				"scale", new int[] { 2 * sizes - 1 + hugePages, sizes + 1 + hugePages, 2 * sizes + 1 + hugePages, 6,
						Sessions.SCALE_STARTUPS });
		long least = 0;
		long most = 0;
		for (String part : parts) {
			int[] plan = plans.get(part);
			if (plan != null) {
				long starts = (long) plan[1] * (plan[4] + 1) + (long) plan[3] * plan[4];
				// A round measures its two sides together (on two servers) or in turn.
				long rounds = plan[0] * settings.rounds() * side;
				long fixed = starts * 15;
				least += settings.launches() * (fixed + (settings.together() ? 1 : 2) * rounds
						+ ((warmup > 0) ? plan[1] * warmup + plan[2] * turn : 0));
				most += settings.launches() * (fixed + 2 * rounds + ((warmup > 0) ? plan[1] * mostWarmup : 0));
			}
		}
		if (parts.contains("jmh")) {
			long jmh = settings.launches() * 22L * (3 + settings.rounds()) + 30;
			least += jmh;
			most += jmh;
		}
		return new long[] { Math.max(1, least / 60), Math.max(1, most / 60) };
	}

}
