package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The JMH microbenchmarks of {@code benchmarks/jmh}, run pinned to the server CPUs, one
 * fork per launch, and their CSV results.
 */
final class JmhRun {

	private JmhRun() {
	}

	/**
	 * Run every benchmark and return the rows of JMH's CSV, the header first.
	 */
	static List<List<String>> run(Settings settings, ChildProcesses processes, Classpaths classpaths) {
		Path csv = settings.work().resolve("jmh.csv");
		Path log = settings.work().resolve("logs/jmh.log");
		try {
			Files.deleteIfExists(csv);
			Files.deleteIfExists(log);
			List<String> command = List.of(settings.java(), "-cp", classpaths.jmh(), "org.openjdk.jmh.Main", "-f",
					String.valueOf(settings.launches()), "-wi", "3", "-w", "1s", "-i",
					String.valueOf(settings.rounds()), "-r", "1s", "-foe", "true", "-rf", "csv", "-rff",
					csv.toString());
			Process jmh = processes.start(command, settings.serverCpus(), log);
			if (!jmh.waitFor(3, TimeUnit.HOURS) || jmh.exitValue() != 0) {
				processes.stop(jmh);
				throw new IllegalStateException("JMH failed: see " + log);
			}
			processes.stop(jmh);
			return parseCsv(Files.readString(csv, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * Read JMH's CSV: quoted or bare fields, no quotes inside fields.
	 */
	static List<List<String>> parseCsv(String csv) {
		List<List<String>> rows = new ArrayList<>();
		for (String line : csv.lines().filter((line) -> !line.isBlank()).toList()) {
			List<String> fields = new ArrayList<>();
			StringBuilder field = new StringBuilder();
			boolean quoted = false;
			for (char c : line.toCharArray()) {
				if (c == '"') {
					quoted = !quoted;
				}
				else if (c == ',' && !quoted) {
					fields.add(field.toString());
					field.setLength(0);
				}
				else {
					field.append(c);
				}
			}
			fields.add(field.toString());
			rows.add(fields);
		}
		return rows;
	}

}
