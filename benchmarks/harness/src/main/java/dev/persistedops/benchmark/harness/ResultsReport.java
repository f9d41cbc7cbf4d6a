package dev.persistedops.benchmark.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Renders RESULTS.md: how the run was made, the machine, the pooled ratios of every
 * comparison, startup and heap, every per-round ratio, and the JMH scores.
 */
final class ResultsReport {

	/**
	 * The kinds of store the scale part starts, by the name its servers start with.
	 */
	private static final Map<String, String> KINDS = Map.of("files", "files", "files-on-first-use",
			"files read on first use", "files-unlisted", "files found by id, not listed", "manifest", "one manifest");

	private ResultsReport() {
	}

	/**
	 * Render the report.
	 * @param settings the run's settings
	 * @param machine the facts of {@link Machine#describe(Settings)}
	 * @param loadAtStart the load average when the run started
	 * @param loadAtEnd the load average when it ended
	 * @param parts the parts measured, in the order they run, JMH's last
	 * @param failure why the run stopped early, or {@code null}
	 */
	static String render(Settings settings, Map<String, String> machine, String loadAtStart, String loadAtEnd,
			List<Part> parts, @Nullable String failure) {
		List<SessionResult> results = parts.stream()
			.map(Part::result)
			.filter(Objects::nonNull)
			.map(Objects::requireNonNull)
			.toList();
		List<List<String>> jmh = parts.stream().flatMap((part) -> part.jmh().stream()).toList();
		StringBuilder md = new StringBuilder();
		md.append("# Benchmark results\n\n");
		md.append("Written by `benchmarks/run")
			.append(settings.arguments().isEmpty() ? "" : " ")
			.append(settings.arguments()
				.stream()
				.map((argument) -> argument.matches(".*\\s.*") ? "\"" + argument + "\"" : argument)
				.collect(Collectors.joining(" ")))
			.append("` on ")
			.append(machine.getOrDefault("date", "?"))
			.append(". Load average (1, 5, 15 min) at the start: ")
			.append(loadAtStart)
			.append("; at the end: ")
			.append(loadAtEnd)
			.append(".\n\n");
		sittings(md, parts);
		if (settings.launches() < 3 || settings.rounds() < 5) {
			md.append("**A short run (")
				.append(settings.launches())
				.append(" launch(es), ")
				.append(settings.rounds())
				.append(" rounds of ")
				.append(settings.duration().toSeconds())
				.append(" s): it shows that the harness works, not what anything costs. Do not quote it.**\n\n");
		}
		if (failure != null) {
			md.append("**The run stopped early:** ").append(failure).append("\n\n");
		}
		method(md, settings);
		md.append("## Machine, JVM and settings\n\n| | |\n| --- | --- |\n");
		machine
			.forEach((label, value) -> md.append("| ").append(label).append(" | ").append(cell(value)).append(" |\n"));
		md.append("| CPUs of the servers / of wrk, Redis, Azurite, the harness | ")
			.append(settings.serverCpus().isEmpty() ? "all" : settings.serverCpus())
			.append(" / ")
			.append(settings.loadCpus().isEmpty() ? "all" : settings.loadCpus())
			.append(" |\n");
		md.append("| CPUs of a server timed at startup (alone, with no load running) | ")
			.append(settings.startupCpus().isEmpty() ? "all" : settings.startupCpus())
			.append(" |\n");
		md.append("| rounds of two servers | ")
			.append(settings.together() ? "together, by CPU time per request" : "in turn, by throughput (--in-turn)")
			.append(" |\n");
		md.append("| launches × rounds × seconds per side | ")
			.append(settings.launches())
			.append(" × ")
			.append(settings.rounds())
			.append(" × ")
			.append(settings.duration().toSeconds())
			.append(" s (warm-up ")
			.append(settings.warmup().toSeconds())
			.append(" s at least per server in each launch, until its numbers settle) |\n");
		md.append("| wrk | 1 thread, ").append(settings.connections()).append(" connections, keep-alive |\n\n");
		summary(md, results);
		startup(md, settings, results);
		servers(md, results);
		rounds(md, results);
		jmh(md, jmh);
		return md.toString();
	}

	/**
	 * Say when each part was measured, and whether the run was resumed: a run stopped
	 * between two parts (or by a part that failed) and resumed was measured in more than
	 * one sitting.
	 */
	private static void sittings(StringBuilder md, List<Part> parts) {
		if (parts.isEmpty()) {
			return;
		}
		boolean resumed = parts.stream().anyMatch(Part::earlier);
		if (resumed) {
			md.append("**Measured in more than one sitting:** the run was stopped between two parts, or by a part ")
				.append("that failed, and resumed (`--resume`) on the same code, machine, JVM and options; ")
				.append("a commit between the sittings changed only Markdown, if any, and the commit below is the ")
				.append("last sitting's. Each part was measured in one go.\n\n");
		}
		md.append("| part | measured from | to | load average at its start / end |")
			.append(resumed ? " sitting |" : "")
			.append("\n| --- | --- | --- | --- |")
			.append(resumed ? " --- |" : "")
			.append("\n");
		for (Part part : parts) {
			md.append("| ")
				.append(part.name())
				.append(" | ")
				.append(part.started())
				.append(" | ")
				.append(part.ended())
				.append(" | ")
				.append(part.loadAtStart())
				.append(" / ")
				.append(part.loadAtEnd())
				.append(" |")
				.append(resumed ? (part.earlier() ? " earlier |" : " last |") : "")
				.append("\n");
		}
		md.append("\n");
	}

	/** How the rounds are measured, by default. */
	private static final String TOGETHER = """
			Each comparison A / B then runs in rounds on the same servers. Where A and B are two servers, a \
			round measures them together: both on the servers' core, each loaded by its own wrk (pinned to \
			the other CPUs) for the same seconds, and the ratio of the round is B's CPU time per request over \
			A's. The two share the core through the same seconds, so a slow patch of the host slows both, \
			and their cost per request cancels it (measured in turn, two servers doing the same work gave \
			rounds from 0.72 to 1.59 on a noisy 2-core host). Where A and B are two requests to one server, \
			whose CPU time cannot be told apart, they run in alternating rounds: A then B in odd rounds, B \
			then A in even ones, the other way round in even launches, and the ratio of the round is A's \
			requests per second over B's. Either way, a ratio above 1 means A costs less per request.\
			""";

	/** How the rounds are measured with {@code --in-turn}. */
	private static final String IN_TURN = """
			Each comparison A / B then runs in alternating rounds on the same servers (A then B in odd \
			rounds, B then A in even ones, the other way round in even launches, so that each side goes first \
			about as often): wrk, pinned to the other CPUs, sends one request for a fixed time, and the ratio \
			of the round is A's requests per second over B's. With the servers held to their CPUs and kept \
			saturated, a ratio above 1 means A costs less per request.\
			""";

	private static void method(StringBuilder md, Settings settings) {
		md.append("## How it was measured\n\n");
		md.append(
				"""
						Each part first starts each of its servers (JVMs) alone, on the CPUs of the table below \
						(all of them unless pinned: no load runs then, and an application starts on its own \
						machine's CPUs, so what it does in parallel at startup counts as it would there), times it \
						from its start to its first answer with data, measures its heap, and stops it: timed next to \
						other servers on the same core, a startup would also measure what they still do (before the \
						scale part, the harness reads every generated document once, so that every store starts with \
						its files in the page cache, as the smallest does). It then starts the servers it measures one \
						after the other, each once those before it are quiet (a large store is checked against the \
						schema in the background after startup: the servers it measures do so at once, with \
						persisted-ops.validation.background-delay=0, so that the wait covers the check; the servers \
						timed at startup keep the default delay). Every request is then sent once and must be answered with data and \
						no errors. A server is sent only the requests of its comparisons: in a comparison with a peer \
						(plain Spring for GraphQL, graphql-java's APQ), the starter's side is a server of its own sent \
						only what that side sends, as the peer's server is (a JVM that serves other kinds of request too \
						compiles the code they share for all of them; measured by hand, by id cost about 3 % more on a \
						starter that also served full text, GET and the other conventions). Each server is warmed up, \
						one at a time, with its requests in turn over one connection in 2 s slices until a whole turn \
						is no more than 3 % faster than the fastest turn before it (a slower turn is the host's \
						noise, not a server still warming up) and the JIT compiler threads used at most 1 % of the \
						server's CPU in it (after a turn in which it used more, the load pauses until the server is \
						idle, at most 30 s, so that the compiler works through its queue with the whole core; at \
						least the warm-up time, at most five times it; on a core \
						shared with the load of many connections the JIT compiler gets too little of it to finish for \
						minutes), then the same at full concurrency (at least two turns, at most twice the warm-up \
						time; a \
						server that had parsed 100,000 documents looked settled over one connection while still far \
						from its rate under load), then a full GC (`jcmd GC.run`), so that what the server keeps is in \
						the old generation before it is measured (that server otherwise still got faster through its \
						first rounds). Before each \
						measurement the harness waits \
						(at most 10 s) until no server uses the CPU: an idle server may still be compiling or collecting \
						on the core the measured one needs. \
						""");
		md.append(settings.together() ? TOGETHER : IN_TURN);
		md.append("""
				 The whole part is launched again (fresh JVMs) and the per-round ratios of every \
				launch are pooled: the median is over all of them. Its 95 % interval is the distribution-free one \
				from the order statistics of the rounds (with 15 rounds, the 4th lowest to the 4th highest); it \
				takes the rounds as independent, which rounds of different launches are not quite, so the real \
				uncertainty is wider. Where a target lies inside it, the rounds cannot tell the median from the \
				target. A response that is not a 200 with data fails \
				the run. The CPU time per request is the server JVM's (every thread: requests, GC, JIT) from \
				/proc over the same seconds; the JIT compiler's share of it is that of its C1 and C2 compiler \
				threads (a server still compiling while it is measured loses that share of the core to it).

				""");
	}

	private static String megabytes(double megabytes) {
		return Double.isNaN(megabytes) ? "–" : String.format("%.1f", megabytes);
	}

	private static void summary(StringBuilder md, List<SessionResult> results) {
		md.append("## Ratios (A's speed over B's), pooled over launches\n\n");
		md.append("| comparison | shape | median | median, 95 % interval | rounds range | rounds | median per launch "
				+ "| A req/s | B req/s | A µs CPU/req | B µs CPU/req | JIT compiler, % of A's / B's CPU | target |\n");
		md.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
		for (SessionResult result : results) {
			result.rounds().forEach((comparison, rounds) -> {
				if (rounds.isEmpty()) {
					return;
				}
				Statistics.Pooled pooled = Statistics.pool(rounds);
				md.append("| ").append(comparison.title()).append(" | ").append(comparison.shape());
				md.append(String.format(
						" | **%.2f×** | %s | %.2f–%.2f | %d | %s | %.0f | %.0f | %.1f | %.1f | %.1f / %.1f | %s |%n",
						pooled.median(),
						pooled.medianInterval()
							.map((interval) -> String.format("%.2f–%.2f", interval.low(), interval.high()))
							.orElse("–"),
						pooled.min(), pooled.max(), pooled.rounds(),
						pooled.launchMedians()
							.stream()
							.map((median) -> String.format("%.2f", median))
							.collect(Collectors.joining(", ")),
						pooled.requestsPerSecondA(), pooled.requestsPerSecondB(), pooled.cpuMicrosA(),
						pooled.cpuMicrosB(), pooled.compilerShareA() * 100, pooled.compilerShareB() * 100,
						target(comparison, pooled)));
			});
		}
		md.append("\n");
	}

	private static String target(Comparison comparison, Statistics.Pooled pooled) {
		if (comparison.target() <= 0) {
			return "";
		}
		String verdict = (pooled.median() >= comparison.target()) ? "met" : "**not met**";
		String noise = pooled.medianInterval()
			.filter((interval) -> interval.straddles(comparison.target()))
			.map((interval) -> " (the target is inside the median's interval)")
			.orElse("");
		return String.format("≥ %.2f×: %s%s%s", comparison.target(), verdict,
				closer(pooled.median(), comparison.target()), noise);
	}

	/**
	 * Return the median to four places when two would read as the target itself, as
	 * 0.9695 does next to a target of 0.97.
	 */
	static String closer(double median, double target) {
		boolean readsAsTarget = String.format("%.2f", median).equals(String.format("%.2f", target));
		return (readsAsTarget && median != target) ? String.format(" (%.4f×)", median) : "";
	}

	private static void startup(StringBuilder md, Settings settings, List<SessionResult> results) {
		md.append("## Startup and heap\n\n");
		md.append("Startup: from starting the JVM, with no other server running, to the first answer with data, on "
				+ (settings.startupCpus().isEmpty() ? "every CPU" : "CPUs " + settings.startupCpus()) + ". "
				+ "Heap: in use after a full GC (`jcmd GC.run`, then `GC.heap_info`), right after that answer and "
				+ "again after the measurements (none for a server timed at startup only).");
		for (SessionResult result : results) {
			int startups = result.plan().startups();
			if (startups > 1) {
				md.append(String.format(" In the %s part, each server was started alone %d times in each launch, "
						+ "all of them in turn each time: its startups are listed launch by launch, separated by "
						+ "`;`.", result.plan().name(), startups));
			}
		}
		md.append("\n\n");
		md.append("| part | server | startup, s (median) | per launch | heap at start, MB | heap at end, MB |\n");
		md.append("| --- | --- | --- | --- | --- | --- |\n");
		for (SessionResult result : results) {
			for (ServerSpec spec : result.plan().servers()) {
				List<SessionResult.ServerLaunch> launches = result.launches()
					.stream()
					.filter((launch) -> launch.server().equals(spec.name()))
					.toList();
				if (launches.isEmpty()) {
					continue;
				}
				md.append(String.format("| %s | %s | %.2f | %s | %.1f | %s |%n", result.plan().name(), spec.name(),
						Statistics.median(launches.stream().map(SessionResult.ServerLaunch::startupSeconds).toList()),
						perLaunch(launches, result.plan().startups() > 1),
						Statistics
							.median(launches.stream().map(SessionResult.ServerLaunch::heapAtStartMegabytes).toList()),
						megabytes(Statistics
							.median(launches.stream().map(SessionResult.ServerLaunch::heapAtEndMegabytes).toList()))));
			}
		}
		md.append("\n");
		for (SessionResult result : results) {
			if (result.plan().name().equals("scale")) {
				startupDifferences(md, result);
			}
		}
	}

	/**
	 * A server's startups, launch by launch.
	 * @param severalEach whether each launch started it more than once: its starts are
	 * then grouped by launch
	 */
	private static String perLaunch(List<SessionResult.ServerLaunch> launches, boolean severalEach) {
		Map<Integer, List<String>> byLaunch = new TreeMap<>();
		for (SessionResult.ServerLaunch launch : launches) {
			byLaunch.computeIfAbsent(launch.launch(), (key) -> new ArrayList<>())
				.add(String.format("%.2f", launch.startupSeconds()));
		}
		return byLaunch.values()
			.stream()
			.map((starts) -> String.join(", ", starts))
			.collect(Collectors.joining(severalEach ? "; " : ", "));
	}

	/**
	 * The startup of each larger store against the smallest of the same kind (files, or a
	 * manifest), as the median of the differences between the two started in the same
	 * turn (the same start of the same launch).
	 */
	private static void startupDifferences(StringBuilder md, SessionResult scale) {
		List<String> names = scale.plan()
			.servers()
			.stream()
			.map(ServerSpec::name)
			.filter((name) -> !name.contains(Sessions.SIZED_CACHE))
			.toList();
		for (String name : names) {
			String kind = kind(name);
			String reference = names.stream().filter((other) -> kind(other).equals(kind)).findFirst().orElseThrow();
			if (reference.equals(name)) {
				continue;
			}
			List<Double> differences = new ArrayList<>();
			for (SessionResult.ServerLaunch launch : scale.launches()) {
				if (!launch.server().equals(name)) {
					continue;
				}
				scale.launches()
					.stream()
					.filter((other) -> other.server().equals(reference) && other.launch() == launch.launch()
							&& other.start() == launch.start())
					.findFirst()
					.ifPresent((other) -> differences.add(launch.startupSeconds() - other.startupSeconds()));
			}
			if (differences.isEmpty()) {
				continue;
			}
			double median = Statistics.median(differences);
			md.append(String.format(
					"startup %s, %s vs %s: **%+.2f s** (median of the differences, start by start: %s); "
							+ "target ≤ +2 s: %s%n%n",
					KINDS.getOrDefault(kind, kind), documents(name), documents(reference), median,
					differences.stream()
						.map((difference) -> String.format("%+.2f", difference))
						.collect(Collectors.joining(", ")),
					(median <= 2) ? "met" : "**not met**"));
		}
	}

	/**
	 * The kind of a scale server: its name up to its number of documents.
	 */
	private static String kind(String scaleServer) {
		return scaleServer.replaceFirst("-\\d.*$", "");
	}

	private static String documents(String scaleServer) {
		return String.format("%,d", Integer.parseInt(scaleServer.replaceAll("\\D+", "")));
	}

	private static void servers(StringBuilder md, List<SessionResult> results) {
		md.append("## Servers\n\n| part | server | what it is | properties |\n| --- | --- | --- | --- |\n");
		for (SessionResult result : results) {
			for (ServerSpec spec : result.plan().servers()) {
				md.append("| ")
					.append(result.plan().name())
					.append(" | ")
					.append(spec.name())
					.append(" | ")
					.append(cell(spec.description()))
					.append(" | ")
					.append(spec.properties()
						.stream()
						.map((property) -> "`" + property.replaceAll("AccountKey=[^;]*", "AccountKey=…") + "`")
						.collect(Collectors.joining("<br>")))
					.append(" |\n");
			}
		}
		md.append("\nEvery server also gets `--server.address=127.0.0.1 --server.port=<free port>`.\n\n");
	}

	private static void rounds(StringBuilder md, List<SessionResult> results) {
		md.append(
				"## Every round\n\nA / B per round, launch by launch, with A's and B's requests per second in brackets "
						+ "for a round in turn, their µs of CPU per request for a round together.\n\n");
		for (SessionResult result : results) {
			result.rounds().forEach((comparison, rounds) -> {
				if (rounds.isEmpty()) {
					return;
				}
				md.append("- ")
					.append(comparison.title())
					.append(" (")
					.append(comparison.shape())
					.append("): ")
					.append(comparison.a())
					.append(" / ")
					.append(comparison.b())
					.append("\n");
				rounds.stream().map(Round::launch).distinct().forEach((launch) -> {
					md.append("  - launch ").append(launch).append(": ");
					md.append(rounds.stream()
						.filter((round) -> round.launch() == launch)
						.map(ResultsReport::round)
						.collect(Collectors.joining(", ")));
					md.append("\n");
				});
			});
		}
		md.append("\n");
	}

	/**
	 * Return a round's ratio and what it is made of: the requests per second of a round
	 * in turn, the µs of CPU per request of a round together.
	 */
	static String round(Round round) {
		if (round.together()) {
			return String.format("%.3f (%.1f/%.1f µs, together)", round.ratio(), round.a().cpuMicrosPerRequest(),
					round.b().cpuMicrosPerRequest());
		}
		return String.format("%.3f (%.0f/%.0f)", round.ratio(), round.a().requestsPerSecond(),
				round.b().requestsPerSecond());
	}

	private static void jmh(StringBuilder md, List<List<String>> jmh) {
		if (jmh.size() < 2) {
			return;
		}
		md.append("## JMH: the in-process hot path\n\n");
		md.append("`benchmarks/jmh`, pinned to the server CPUs, one fork per launch. "
				+ "`starter*` are this project's code, `graphqlJava*` graphql-java's `PersistedQuerySupport` on the same inputs.\n\n");
		List<String> header = jmh.get(0);
		md.append("| ").append(String.join(" | ", header)).append(" |\n");
		md.append("|").append(" --- |".repeat(header.size())).append("\n");
		for (List<String> row : jmh.subList(1, jmh.size())) {
			List<String> cells = new ArrayList<>(row);
			cells.set(0, cells.get(0).replace("dev.persistedops.benchmark.jmh.", ""));
			md.append("| ").append(String.join(" | ", cells)).append(" |\n");
		}
		md.append("\n");
	}

	private static String cell(String value) {
		return value.replace("|", "\\|").replace("\n", " ");
	}

}
