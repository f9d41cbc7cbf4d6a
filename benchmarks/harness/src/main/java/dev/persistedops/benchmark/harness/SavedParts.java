package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The parts of a run that have finished, kept in the work directory, so that a run
 * stopped between two parts can go on with the parts it has not measured
 * ({@code --resume}). On a slow machine the full run takes longer than a sitting: each
 * part is measured in one go, with every launch, and kept only once it has finished.
 * <p>
 * A part is kept with what the run was: the commit, the machine, the JVM and the options.
 * A run goes on only with parts of the same, and never from a checkout with uncommitted
 * changes, which the commit would not tell apart.
 */
final class SavedParts {

	private static final String KEY = "key";

	private static final String PART = "part";

	private static final String SERVER = "server";

	private static final String COMPARISON = "comparison";

	private static final String ROUND = "round";

	private static final String LAUNCH = "launch";

	private static final String JMH = "jmh";

	/** A request the report does not need: what a kept server was asked to be ready. */
	private static final LoadRequest NOT_KEPT = new LoadRequest("not kept", "POST", "", null, null);

	private final Path directory;

	private final String key;

	private final Map<String, Part> parts;

	private SavedParts(Path directory, String key, Map<String, Part> parts) {
		this.directory = directory;
		this.key = key;
		this.parts = parts;
	}

	/**
	 * Start a new run: forget what an earlier one kept.
	 * @param work the work directory
	 * @param key what the run is (see {@link #key})
	 */
	static SavedParts start(Path work, String key) {
		Path directory = work.resolve("parts");
		try {
			if (Files.isDirectory(directory)) {
				try (Stream<Path> files = Files.list(directory)) {
					for (Path file : files.toList()) {
						Files.delete(file);
					}
				}
			}
			Files.createDirectories(directory);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return new SavedParts(directory, key, new LinkedHashMap<>());
	}

	/**
	 * Go on with a run: read the parts it kept.
	 * @param work the work directory
	 * @param key what the run is (see {@link #key})
	 * @throws IllegalStateException if the checkout has uncommitted changes, or a kept
	 * part is of other code, machine, JVM or options
	 */
	static SavedParts resume(Path work, String key) {
		if (key.contains(Machine.UNCOMMITTED)) {
			throw new IllegalStateException("A run from a checkout with uncommitted changes cannot be resumed "
					+ "(changes to Markdown aside): commit them, and run again without --resume");
		}
		Path directory = work.resolve("parts");
		Map<String, Part> parts = new LinkedHashMap<>();
		if (Files.isDirectory(directory)) {
			try (Stream<Path> files = Files.list(directory)) {
				for (Path file : files.sorted().toList()) {
					Part part = read(file, key);
					parts.put(part.name(), part);
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return new SavedParts(directory, key, parts);
	}

	/**
	 * Return what a run is, for its parts to be told apart from another run's: the code
	 * it measures, the machine's facts but the date and the commit (a commit that changes
	 * only Markdown, such as the README, leaves a run resumable), and the options.
	 * @param machine the facts of {@link Machine#describe}
	 * @param code the last commit that changed the code ({@link Machine#code})
	 * @param settings the run's settings
	 */
	static String key(Map<String, String> machine, String code, Settings settings) {
		StringBuilder key = new StringBuilder("code=").append(code).append("; ");
		machine.forEach((label, value) -> {
			if (!label.equals(Machine.DATE) && !label.equals(Machine.COMMIT)) {
				key.append(label).append('=').append(value).append("; ");
			}
		});
		return key.append("options=").append(String.join(" ", settings.arguments())).toString();
	}

	/**
	 * Return the kept result of the given part, if it was measured.
	 */
	Optional<Part> part(String name) {
		return Optional.ofNullable(this.parts.get(name));
	}

	/**
	 * Return every part kept, in the order they were measured.
	 */
	List<Part> parts() {
		return this.parts.values().stream().sorted((a, b) -> a.started().compareTo(b.started())).toList();
	}

	/**
	 * Keep a part that has finished.
	 */
	void save(Part part) {
		this.parts.put(part.name(), part);
		List<String> lines = new ArrayList<>();
		lines.add(line(KEY, this.key));
		lines.add(line(PART, part.name(), part.started().toString(), part.ended().toString(), part.loadAtStart(),
				part.loadAtEnd()));
		SessionResult result = part.result();
		if (result != null) {
			SessionPlan plan = result.plan();
			lines.add(line(SERVER + "s", plan.name(), plan.title()));
			for (ServerSpec server : plan.servers()) {
				List<String> fields = new ArrayList<>(List.of(SERVER, server.name(), server.description()));
				fields.addAll(server.properties());
				lines.add(line(fields.toArray(String[]::new)));
			}
			List<Comparison> comparisons = plan.comparisons();
			for (Comparison comparison : comparisons) {
				lines.add(line(COMPARISON, comparison.title(), comparison.shape(), Double.toString(comparison.target()),
						comparison.a().server(), comparison.a().request().label(), comparison.b().server(),
						comparison.b().request().label()));
			}
			result.rounds().forEach((comparison, rounds) -> {
				for (Round round : rounds) {
					List<String> fields = new ArrayList<>(
							List.of(ROUND, Integer.toString(comparisons.indexOf(comparison)),
									Integer.toString(round.launch()), Integer.toString(round.round())));
					fields.addAll(fields(round.a()));
					fields.addAll(fields(round.b()));
					lines.add(line(fields.toArray(String[]::new)));
				}
			});
			for (SessionResult.ServerLaunch launch : result.launches()) {
				lines.add(line(LAUNCH, launch.server(), Integer.toString(launch.launch()),
						Double.toString(launch.startupSeconds()), Double.toString(launch.heapAtStartMegabytes()),
						Double.toString(launch.heapAtEndMegabytes())));
			}
		}
		for (List<String> row : part.jmh()) {
			List<String> fields = new ArrayList<>(List.of(JMH));
			fields.addAll(row);
			lines.add(line(fields.toArray(String[]::new)));
		}
		try {
			Path file = this.directory.resolve(part.name() + ".tsv");
			Path written = this.directory.resolve(part.name() + ".tsv.partial");
			Files.write(written, lines, StandardCharsets.UTF_8);
			Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<String> fields(Measurement measurement) {
		LoadResult load = measurement.load();
		return List.of(measurement.server(), measurement.request(), Long.toString(load.requests()),
				Double.toString(load.seconds()), Double.toString(load.requestsPerSecond()),
				Double.toString(load.p50Millis()), Double.toString(load.p99Millis()), Long.toString(load.failures()),
				Double.toString(measurement.cpuMicrosPerRequest()),
				Double.toString(measurement.compilerMicrosPerRequest()));
	}

	private static Measurement measurement(List<String> fields, int from) {
		List<String> values = fields.subList(from, from + 10);
		return new Measurement(values.get(0), values.get(1),
				new LoadResult(Long.parseLong(values.get(2)), Double.parseDouble(values.get(3)),
						Double.parseDouble(values.get(4)), Double.parseDouble(values.get(5)),
						Double.parseDouble(values.get(6)), Long.parseLong(values.get(7))),
				Double.parseDouble(values.get(8)), Double.parseDouble(values.get(9)));
	}

	private static Part read(Path file, String key) throws IOException {
		List<List<String>> lines = Files.readAllLines(file, StandardCharsets.UTF_8)
			.stream()
			.map(SavedParts::fields)
			.toList();
		if (lines.isEmpty() || !lines.get(0).equals(List.of(KEY, key))) {
			throw new IllegalStateException(file + " was kept by a run of other code, machine, JVM or options ("
					+ (lines.isEmpty() ? "empty" : String.join(" ", lines.get(0).subList(1, lines.get(0).size())))
					+ "): run again without --resume");
		}
		List<String> head = lines.get(1);
		String name = head.get(1);
		String planName = null;
		String title = "";
		List<ServerSpec> servers = new ArrayList<>();
		List<Comparison> comparisons = new ArrayList<>();
		List<String[]> rounds = new ArrayList<>();
		List<SessionResult.ServerLaunch> launches = new ArrayList<>();
		List<List<String>> jmh = new ArrayList<>();
		for (List<String> line : lines.subList(2, lines.size())) {
			switch (line.get(0)) {
				case SERVER + "s" -> {
					planName = line.get(1);
					title = line.get(2);
				}
				case SERVER -> servers.add(new ServerSpec(line.get(1), line.get(2), List.of(),
						List.copyOf(line.subList(3, line.size())), NOT_KEPT));
				case COMPARISON ->
					comparisons.add(new Comparison(line.get(1), line.get(2), side(line.get(4), line.get(5)),
							side(line.get(6), line.get(7)), Double.parseDouble(line.get(3))));
				case ROUND -> rounds.add(line.toArray(String[]::new));
				case LAUNCH -> launches.add(new SessionResult.ServerLaunch(line.get(1), Integer.parseInt(line.get(2)),
						Double.parseDouble(line.get(3)), Double.parseDouble(line.get(4)),
						Double.parseDouble(line.get(5))));
				case JMH -> jmh.add(List.copyOf(line.subList(1, line.size())));
				default -> throw new IllegalStateException(file + " has a line it cannot read: " + line);
			}
		}
		SessionResult result = null;
		if (planName != null) {
			result = SessionResult
				.of(new SessionPlan(planName, title, List.copyOf(servers), List.copyOf(comparisons), List.of()));
			for (String[] round : rounds) {
				List<String> fields = Arrays.asList(round);
				result.add(comparisons.get(Integer.parseInt(round[1])), List.of(new Round(Integer.parseInt(round[2]),
						Integer.parseInt(round[3]), measurement(fields, 4), measurement(fields, 14))));
			}
			result.launches().addAll(launches);
		}
		return new Part(name, Instant.parse(head.get(2)), Instant.parse(head.get(3)), head.get(4), head.get(5), result,
				List.copyOf(jmh), true);
	}

	/**
	 * A side as the report needs it: the server, and the request by its label.
	 */
	private static Comparison.Side side(String server, String label) {
		return new Comparison.Side(server, new LoadRequest(label, "POST", "", null, null));
	}

	private static String line(String... fields) {
		StringBuilder line = new StringBuilder();
		for (String field : fields) {
			if (!line.isEmpty()) {
				line.append('\t');
			}
			line.append(field.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"));
		}
		return line.toString();
	}

	private static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '\t') {
				fields.add(field.toString());
				field.setLength(0);
			}
			else if (c == '\\' && i + 1 < line.length()) {
				char escaped = line.charAt(++i);
				field.append(switch (escaped) {
					case 't' -> '\t';
					case 'n' -> '\n';
					case 'r' -> '\r';
					default -> escaped;
				});
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString());
		return fields;
	}

	/**
	 * One part of a run, measured in one go.
	 *
	 * @param name the part's name ({@code peers}, {@code stores}, {@code scale},
	 * {@code jmh})
	 * @param started when it started
	 * @param ended when it ended
	 * @param loadAtStart the load average when it started
	 * @param loadAtEnd the load average when it ended
	 * @param result what it measured, or {@code null} for JMH's part
	 * @param jmh JMH's CSV rows, the header first, or empty
	 * @param earlier whether it was measured by an earlier sitting of the run
	 */
	record Part(String name, Instant started, Instant ended, String loadAtStart, String loadAtEnd,
			@Nullable SessionResult result, List<List<String>> jmh, boolean earlier) {

		/**
		 * Return a part measured now.
		 */
		static Part measured(String name, Instant started, String loadAtStart, @Nullable SessionResult result,
				List<List<String>> jmh) {
			return new Part(name, started, Instant.now().truncatedTo(ChronoUnit.SECONDS), loadAtStart,
					Machine.loadAverage(), result, jmh, false);
		}

	}

}
