package dev.persistedops.benchmark.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a run does, from {@code benchmarks/run}'s options: the full run by default,
 * {@code --quick} for a shorter look, each number adjustable.
 *
 * @param root the repository's root
 * @param output where the report goes
 * @param work where documents, scripts and logs go
 * @param parts where the parts a run has finished are kept: in the repository, so that a
 * run measured in several sittings can go on from a fresh clone ({@link SavedParts})
 * @param sessions which parts run: {@code peers}, {@code stores}, {@code scale},
 * {@code jmh}
 * @param comparisons the text the title of every comparison measured contains
 * ({@code --comparisons}), or empty for every comparison: a run of a few comparisons of
 * the peers or stores part, with more launches than a whole run can afford, keeps its
 * parts and its report apart from the whole run's
 * @param launches how many times each set of servers is started
 * @param rounds rounds per comparison and launch
 * @param together whether the two sides of a comparison of two servers are measured
 * together, loaded at once on the servers' core and compared by CPU time per request,
 * rather than in turn ({@code --in-turn}), each with the core to itself and compared by
 * throughput
 * @param duration how long each side of a round runs
 * @param warmup how long each server is warmed up before the rounds, spread over its
 * requests
 * @param connections wrk's connections
 * @param sizes the store sizes of the scale part, smallest first
 * @param serverCpus the CPUs the servers are pinned to ({@code taskset -c}), or empty
 * @param loadCpus the CPUs wrk, Redis and Azurite are pinned to, or empty
 * @param startupCpus the CPUs a server timed at startup is pinned to, or empty for all of
 * them: it is timed alone, with no load running, as an application starts on its machine
 * @param jvmOptions the servers' JVM options
 * @param java the {@code java} the servers run on
 * @param startupTimeout how long a server may take to answer its first request
 * @param clockTicksPerSecond the unit of CPU times in {@code /proc} ({@code CLK_TCK})
 * @param arguments the options as given, but {@code --resume}
 * @param resume whether to go on with the parts an earlier, stopped run of the same
 * settings and commit left measured ({@link SavedParts})
 */
public record Settings(Path root, Path output, Path work, Path parts, List<String> sessions, String comparisons,
		int launches, int rounds, boolean together, Duration duration, Duration warmup, int connections,
		List<Integer> sizes, String serverCpus, String loadCpus, String startupCpus, List<String> jvmOptions,
		String java, Duration startupTimeout, long clockTicksPerSecond, List<String> arguments, boolean resume) {

	/** Every part, in the order they run. */
	public static final List<String> ALL_SESSIONS = List.of("peers", "stores", "scale", "jmh");

	/**
	 * The parts {@code --comparisons} picks from: the scale part's startups need every
	 * one of its servers, and the jmh part has none.
	 */
	static final List<String> PICKABLE_SESSIONS = List.of("peers", "stores");

	/** The JVM option that backs the heap with transparent huge pages (Linux only). */
	public static final String HUGE_PAGES = "-XX:+UseTransparentHugePages";

	/** The JVM option that keeps the heap on small pages. */
	public static final String SMALL_PAGES = "-XX:-UseTransparentHugePages";

	/**
	 * The servers' JVM options unless {@code --jvm-options} says otherwise: a fixed heap
	 * and the serial collector, for servers that share one core. The heap stays on small
	 * pages, the JVM's default: in the two runs that compared them, huge pages made the
	 * 100,000-document server start 0.2 to 1.5 s later, for 0.02 to 0.04 of a ratio on
	 * uniform access (see {@link #comparesHugePages}).
	 */
	static List<String> defaultJvmOptions() {
		return List.of("-Xms2g", "-Xmx2g", "-XX:+UseSerialGC");
	}

	/**
	 * Whether the servers run on transparent huge pages.
	 */
	public boolean hugePages() {
		return this.jvmOptions.lastIndexOf(HUGE_PAGES) > this.jvmOptions.lastIndexOf(SMALL_PAGES);
	}

	/**
	 * Whether the scale part starts its largest sized-cache server once more on huge
	 * pages, to show what they bring: on Linux (HotSpot knows the option there only),
	 * when the servers do not run on them already.
	 * @param osName the {@code os.name} system property
	 */
	boolean comparesHugePages(String osName) {
		return osName.startsWith("Linux") && !hugePages();
	}

	/**
	 * Read the options.
	 * @param root the repository's root
	 * @param cpus how many CPUs the machine has
	 * @param args the options
	 * @throws IllegalArgumentException on an unknown or malformed option
	 */
	public static Settings parse(Path root, int cpus, String... args) {
		boolean resume = List.of(args).contains("--resume");
		List<String> arguments = Arrays.stream(args).filter((arg) -> !arg.equals("--resume")).toList();
		String[] options = arguments.toArray(String[]::new);
		boolean quick = arguments.contains("--quick");
		boolean together = !arguments.contains("--in-turn");
		List<String> sessions = ALL_SESSIONS;
		String comparisons = "";
		int launches = quick ? 1 : 3;
		int rounds = quick ? 3 : 5;
		Duration duration = Duration.ofSeconds(quick ? 2 : 4);
		Duration warmup = Duration.ofSeconds(quick ? 15 : 30);
		int connections = 4;
		List<Integer> sizes = quick ? List.of(100, 10_000) : List.of(100, 10_000, 100_000);
		Path output = null;
		// With two CPUs or more, the servers get the first, everything else the rest.
		String serverCpus = (cpus >= 2) ? "0" : "";
		String loadCpus = (cpus >= 2) ? ((cpus == 2) ? "1" : "1-" + (cpus - 1)) : "";
		String startupCpus = "";
		List<String> jvmOptions = defaultJvmOptions();
		for (int i = 0; i < options.length; i++) {
			String option = options[i];
			if (option.equals("--quick") || option.equals("--in-turn")) {
				continue;
			}
			if (i + 1 >= options.length) {
				throw new IllegalArgumentException("Option " + option + " needs a value");
			}
			String value = options[++i];
			switch (option) {
				case "--sessions" -> sessions = sessions(value);
				case "--comparisons" -> comparisons = comparisons(value);
				case "--launches" -> launches = positive(option, value);
				case "--rounds" -> rounds = positive(option, value);
				case "--duration" -> duration = Duration.ofSeconds(positive(option, value));
				case "--warmup" -> warmup = Duration.ofSeconds(Integer.parseInt(value));
				case "--connections" -> connections = positive(option, value);
				case "--sizes" ->
					sizes = Arrays.stream(value.split(",")).map((size) -> positive(option, size)).sorted().toList();
				case "--output" -> output = Path.of(value).toAbsolutePath();
				case "--server-cpus" -> serverCpus = value;
				case "--load-cpus" -> loadCpus = value;
				case "--startup-cpus" -> startupCpus = value;
				case "--jvm-options" -> jvmOptions = List.of(value.trim().split("\\s+"));
				default -> throw new IllegalArgumentException("Unknown option " + option);
			}
		}
		if (sizes.size() < 2 && sessions.contains("scale")) {
			throw new IllegalArgumentException("--sizes needs at least two sizes to compare");
		}
		if (!comparisons.isEmpty() && !PICKABLE_SESSIONS.containsAll(sessions)) {
			throw new IllegalArgumentException(
					"--comparisons picks from the peers and stores parts: give --sessions peers, stores or both");
		}
		Path work = root.resolve("benchmarks/target/work");
		// A run of picked comparisons leaves the whole run's parts and report alone.
		Path parts = comparisons.isEmpty() ? root.resolve("benchmarks/parts") : work.resolve("parts");
		if (output == null) {
			output = comparisons.isEmpty() ? root.resolve("benchmarks/RESULTS.md")
					: work.resolve("RESULTS-comparisons.md");
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new Settings(root, output, work, parts, sessions, comparisons, launches, rounds, together, duration,
				warmup, connections, sizes, serverCpus, loadCpus, startupCpus, jvmOptions, java, Duration.ofMinutes(5),
				100, arguments, resume);
	}

	/**
	 * Return these settings with the given {@code CLK_TCK}.
	 */
	public Settings withClockTicks(long clockTicksPerSecond) {
		return new Settings(this.root, this.output, this.work, this.parts, this.sessions, this.comparisons,
				this.launches, this.rounds, this.together, this.duration, this.warmup, this.connections, this.sizes,
				this.serverCpus, this.loadCpus, this.startupCpus, this.jvmOptions, this.java, this.startupTimeout,
				clockTicksPerSecond, this.arguments, this.resume);
	}

	/**
	 * Whether the given part runs.
	 */
	public boolean runs(String session) {
		return this.sessions.contains(session);
	}

	/**
	 * Return the largest store size.
	 */
	public int largestSize() {
		return this.sizes.get(this.sizes.size() - 1);
	}

	/**
	 * Return the smallest store size.
	 */
	public int smallestSize() {
		return this.sizes.get(0);
	}

	private static List<String> sessions(String value) {
		List<String> sessions = new ArrayList<>();
		for (String session : value.split(",")) {
			if (!ALL_SESSIONS.contains(session)) {
				throw new IllegalArgumentException("Unknown session " + session + ": pick from " + ALL_SESSIONS);
			}
			sessions.add(session);
		}
		return ALL_SESSIONS.stream().filter(sessions::contains).toList();
	}

	private static String comparisons(String value) {
		if (value.isBlank()) {
			throw new IllegalArgumentException("--comparisons needs the text of the comparisons' titles to pick");
		}
		return value;
	}

	private static int positive(String option, String value) {
		int number = Integer.parseInt(value.replace("_", ""));
		if (number <= 0) {
			throw new IllegalArgumentException(option + " must be positive");
		}
		return number;
	}

}
