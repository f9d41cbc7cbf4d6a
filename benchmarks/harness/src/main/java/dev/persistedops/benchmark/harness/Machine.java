package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What RESULTS.md says about the machine and the software the run measured on, read from
 * {@code /proc} and the tools themselves.
 */
final class Machine {

	/** The label of the date the run started. */
	static final String DATE = "date";

	/** The label of the commit the run was made at. */
	static final String COMMIT = "commit";

	/** What follows the commit of a checkout with uncommitted changes. */
	private static final String UNCOMMITTED = " (with uncommitted changes)";

	private Machine() {
	}

	/**
	 * Return how many CPUs the machine has (not only those this process may use).
	 */
	static int cpuCount() {
		long processors = cpuinfo().lines().filter((line) -> line.startsWith("processor")).count();
		return (processors > 0) ? (int) processors : Runtime.getRuntime().availableProcessors();
	}

	/**
	 * Return every CPU of the machine that is online, as a {@code taskset} CPU list such
	 * as {@code 0-1} (not only those this process may use).
	 */
	static String onlineCpus() {
		String online = read(Path.of("/sys/devices/system/cpu/online")).trim();
		return online.matches("[0-9,-]+") ? online : "0-" + (cpuCount() - 1);
	}

	/**
	 * Return the unit of CPU times in {@code /proc}.
	 */
	static long clockTicksPerSecond() {
		String ticks = output(List.of("getconf", "CLK_TCK")).trim();
		return ticks.matches("\\d+") ? Long.parseLong(ticks) : 100;
	}

	/**
	 * Return the 1, 5 and 15 minute load averages.
	 */
	static String loadAverage() {
		String loadavg = read(Path.of("/proc/loadavg"));
		String[] fields = loadavg.trim().split("\\s+");
		return (fields.length >= 3) ? fields[0] + " " + fields[1] + " " + fields[2] : "unknown";
	}

	/**
	 * Describe the machine, the JVM the servers run on, the load generator and the
	 * commit, as label and value.
	 */
	static Map<String, String> describe(Settings settings) {
		Map<String, String> facts = new LinkedHashMap<>();
		facts.put(DATE, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
		facts.put("CPUs (nproc)", String.valueOf(cpuCount()));
		facts.put("CPU model",
				cpuinfo().lines()
					.filter((line) -> line.startsWith("model name"))
					.map((line) -> line.substring(line.indexOf(':') + 1).trim())
					.findFirst()
					.orElse("unknown"));
		facts.put("memory",
				read(Path.of("/proc/meminfo")).lines()
					.filter((line) -> line.startsWith("MemTotal"))
					.map((line) -> line.replaceAll("\\D+", ""))
					.map((kilobytes) -> String.format("%.1f GiB", Long.parseLong(kilobytes) / 1024.0 / 1024.0))
					.findFirst()
					.orElse("unknown"));
		facts.put("kernel", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		facts.put("JVM",
				output(List.of(settings.java(), "-version")).lines()
					.reduce((first, second) -> first + "; " + second)
					.orElse("unknown"));
		facts.put("server JVM options", String.join(" ", settings.jvmOptions()));
		String hugePages = read(Path.of("/sys/kernel/mm/transparent_hugepage/enabled")).trim();
		facts.put("transparent huge pages (kernel)", hugePages.isEmpty() ? "none" : hugePages);
		facts.put("load generator", output(List.of("wrk", "-v")).lines().findFirst().orElse("unknown").trim());
		String root = settings.root().toString();
		facts.put(COMMIT, output(List.of("git", "-C", root, "rev-parse", "--short", "HEAD")).trim()
				+ (changed(root, ".", ":(exclude)" + keptParts(settings)) ? UNCOMMITTED : ""));
		return facts;
	}

	/**
	 * Return the code the run measures: the last commit that changed anything but
	 * Markdown (a report, the README) and the parts a run kept, and whether the checkout
	 * changes it further.
	 */
	static Code code(Settings settings) {
		String root = settings.root().toString();
		List<String> paths = List.of(".", ":(exclude)*.md", ":(exclude)" + keptParts(settings));
		List<String> log = new ArrayList<>(List.of("git", "-C", root, "log", "-1", "--format=%H", "--"));
		log.addAll(paths);
		return new Code(output(log).trim(), changed(root, paths.toArray(String[]::new)));
	}

	/**
	 * Return where the run keeps its parts, relative to the repository's root, as git
	 * takes a path.
	 */
	private static String keptParts(Settings settings) {
		return settings.root().relativize(settings.parts()).toString().replace('\\', '/');
	}

	/**
	 * Whether the checkout has changes, new files that are not ignored included, to the
	 * given paths.
	 */
	private static boolean changed(String root, String... paths) {
		List<String> command = new ArrayList<>(
				List.of("git", "-C", root, "status", "--porcelain", "--untracked-files=normal", "--"));
		command.addAll(List.of(paths));
		return !output(command).isBlank();
	}

	/**
	 * The code a run measures.
	 *
	 * @param commit the last commit that changed it, in full
	 * @param uncommitted whether the checkout changes it further
	 */
	record Code(String commit, boolean uncommitted) {

	}

	private static String cpuinfo() {
		return read(Path.of("/proc/cpuinfo"));
	}

	private static String read(Path path) {
		try {
			return Files.readString(path, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static String output(List<String> command) {
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			byte[] bytes = process.getInputStream().readAllBytes();
			process.waitFor(30, TimeUnit.SECONDS);
			return new String(bytes, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "unknown (" + ex.getMessage() + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

}
