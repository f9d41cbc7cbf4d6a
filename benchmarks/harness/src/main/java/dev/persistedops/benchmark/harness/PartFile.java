package dev.persistedops.benchmark.harness;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The text a kept {@link Part} is written as: a line per fact, its fields separated by
 * tabs (a tab, a line break or a backslash in a field escaped with a backslash), the
 * first field naming the fact. The first line is the key of the run that measured it, the
 * last says the file is whole. Doubles are written as Java prints them, so that they read
 * back exactly.
 */
final class PartFile {

	private static final String KEY = "key";

	private static final String PART = "part";

	private static final String PLAN = "plan";

	private static final String SERVER = "server";

	private static final String COMPARISON = "comparison";

	private static final String ROUND = "round";

	private static final String LAUNCH = "launch";

	private static final String JMH = "jmh";

	private static final String END = "end";

	/** The last field of a round whose sides were measured together. */
	private static final String TOGETHER = "together";

	/**
	 * The last field of a round whose sides were measured in turn (a round without that
	 * field was too: parts kept before rounds were measured together).
	 */
	private static final String IN_TURN = "in turn";

	/** How many fields one side of a round takes. */
	private static final int MEASUREMENT_FIELDS = 10;

	/** A request the report does not need: what a kept server was asked to be ready. */
	private static final LoadRequest NOT_KEPT = new LoadRequest("not kept", "POST", "", null, null);

	private PartFile() {
	}

	/**
	 * Return the lines of the given part, kept by the run of the given key.
	 */
	static List<String> write(String key, Part part) {
		List<String> lines = new ArrayList<>();
		lines.add(line(KEY, key));
		lines.add(line(PART, part.name(), part.started().toString(), part.ended().toString(), part.loadAtStart(),
				part.loadAtEnd()));
		SessionResult result = part.result();
		if (result != null) {
			writeResult(result, lines);
		}
		for (List<String> row : part.jmh()) {
			List<String> fields = new ArrayList<>(List.of(JMH));
			fields.addAll(row);
			lines.add(line(fields));
		}
		lines.add(line(END));
		return lines;
	}

	private static void writeResult(SessionResult result, List<String> lines) {
		SessionPlan plan = result.plan();
		lines.add(line(PLAN, plan.name(), plan.title(), Integer.toString(plan.startups())));
		for (ServerSpec server : plan.servers()) {
			List<String> fields = new ArrayList<>(List.of(SERVER, server.name(), server.description()));
			fields.addAll(server.properties());
			lines.add(line(fields));
		}
		List<Comparison> comparisons = plan.comparisons();
		for (Comparison comparison : comparisons) {
			lines.add(line(COMPARISON, comparison.title(), comparison.shape(), Double.toString(comparison.target()),
					comparison.a().server(), comparison.a().request().label(), comparison.a().request().method(),
					comparison.b().server(), comparison.b().request().label(), comparison.b().request().method()));
		}
		result.rounds().forEach((comparison, rounds) -> {
			for (Round round : rounds) {
				List<String> fields = new ArrayList<>(List.of(ROUND, Integer.toString(comparisons.indexOf(comparison)),
						Integer.toString(round.launch()), Integer.toString(round.round())));
				fields.addAll(fields(round.a()));
				fields.addAll(fields(round.b()));
				fields.add(round.together() ? TOGETHER : IN_TURN);
				lines.add(line(fields));
			}
		});
		for (SessionResult.ServerLaunch launch : result.launches()) {
			lines.add(line(LAUNCH, launch.server(), Integer.toString(launch.launch()), Integer.toString(launch.start()),
					Double.toString(launch.startupSeconds()), Double.toString(launch.heapAtStartMegabytes()),
					Double.toString(launch.heapAtEndMegabytes())));
		}
	}

	/**
	 * Return the key of the run that kept the part of the given lines, or {@code null} if
	 * they do not start with one.
	 */
	static @Nullable String key(List<String> lines) {
		if (lines.isEmpty()) {
			return null;
		}
		List<String> first = fields(lines.get(0));
		return (first.size() == 2 && first.get(0).equals(KEY)) ? first.get(1) : null;
	}

	/**
	 * Read a part back from its lines, as measured by an earlier sitting.
	 * @throws IllegalArgumentException if the lines are not a whole part
	 */
	static Part read(List<String> lines) {
		if (lines.size() < 3 || !fields(lines.get(lines.size() - 1)).equals(List.of(END))) {
			throw new IllegalArgumentException("it is not whole (no line '" + END + "' at its end)");
		}
		try {
			return part(lines.subList(0, lines.size() - 1).stream().map(PartFile::fields).toList());
		}
		catch (IndexOutOfBoundsException | NumberFormatException | DateTimeException ex) {
			throw new IllegalArgumentException("it has a line with a field missing or unreadable: " + ex.getMessage(),
					ex);
		}
	}

	private static Part part(List<List<String>> lines) {
		List<String> head = lines.get(1);
		if (!head.get(0).equals(PART)) {
			throw new IllegalArgumentException("its second line is not the part's: " + head);
		}
		String planName = null;
		String title = "";
		int startups = 1;
		List<ServerSpec> servers = new ArrayList<>();
		List<Comparison> comparisons = new ArrayList<>();
		List<List<String>> rounds = new ArrayList<>();
		List<SessionResult.ServerLaunch> launches = new ArrayList<>();
		List<List<String>> jmh = new ArrayList<>();
		for (List<String> line : lines.subList(2, lines.size())) {
			switch (line.get(0)) {
				case PLAN -> {
					planName = line.get(1);
					title = line.get(2);
					startups = Integer.parseInt(line.get(3));
				}
				case SERVER -> servers.add(new ServerSpec(line.get(1), line.get(2), List.of(),
						List.copyOf(line.subList(3, line.size())), NOT_KEPT));
				case COMPARISON -> comparisons.add(new Comparison(line.get(1), line.get(2), side(line.subList(4, 7)),
						side(line.subList(7, 10)), Double.parseDouble(line.get(3))));
				case ROUND -> rounds.add(line);
				case LAUNCH -> launches.add(new SessionResult.ServerLaunch(line.get(1), Integer.parseInt(line.get(2)),
						Integer.parseInt(line.get(3)), Double.parseDouble(line.get(4)), Double.parseDouble(line.get(5)),
						Double.parseDouble(line.get(6))));
				case JMH -> jmh.add(List.copyOf(line.subList(1, line.size())));
				default -> throw new IllegalArgumentException("it has a line it cannot read: " + line);
			}
		}
		SessionResult result = null;
		if (planName != null) {
			result = SessionResult.of(new SessionPlan(planName, title, List.copyOf(servers), List.copyOf(comparisons),
					List.of(), startups));
			for (List<String> round : rounds) {
				result.add(comparisons.get(Integer.parseInt(round.get(1))),
						List.of(new Round(Integer.parseInt(round.get(2)), Integer.parseInt(round.get(3)),
								measurement(round, 4), measurement(round, 4 + MEASUREMENT_FIELDS),
								together(round, 4 + 2 * MEASUREMENT_FIELDS))));
			}
			result.launches().addAll(launches);
		}
		return new Part(head.get(1), Instant.parse(head.get(2)), Instant.parse(head.get(3)), head.get(4), head.get(5),
				result, List.copyOf(jmh), true);
	}

	/**
	 * A side as the report needs it: the server, and the request by its label and method.
	 */
	private static Comparison.Side side(List<String> fields) {
		return new Comparison.Side(fields.get(0), new LoadRequest(fields.get(1), fields.get(2), "", null, null));
	}

	private static boolean together(List<String> fields, int at) {
		if (fields.size() <= at || fields.get(at).equals(IN_TURN)) {
			return false;
		}
		if (fields.get(at).equals(TOGETHER)) {
			return true;
		}
		throw new IllegalArgumentException(
				"a round measured neither '" + TOGETHER + "' nor '" + IN_TURN + "': " + fields.get(at));
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
		List<String> values = fields.subList(from, from + MEASUREMENT_FIELDS);
		return new Measurement(values.get(0), values.get(1),
				new LoadResult(Long.parseLong(values.get(2)), Double.parseDouble(values.get(3)),
						Double.parseDouble(values.get(4)), Double.parseDouble(values.get(5)),
						Double.parseDouble(values.get(6)), Long.parseLong(values.get(7))),
				Double.parseDouble(values.get(8)), Double.parseDouble(values.get(9)));
	}

	private static String line(String... fields) {
		return line(List.of(fields));
	}

	private static String line(List<String> fields) {
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

}
