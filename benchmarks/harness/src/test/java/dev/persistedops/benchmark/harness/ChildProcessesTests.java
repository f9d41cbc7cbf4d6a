package dev.persistedops.benchmark.harness;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ChildProcessesTests {

	@TempDir
	Path work;

	@Test
	void aCommandIsPinnedToTheCpusGiven() {
		assertThat(ChildProcesses.pinned(List.of("wrk", "-t1"), "1", "0-1")).containsExactly("taskset", "-c", "1",
				"wrk", "-t1");
	}

	@Test
	void aCommandGivenNoCpusIsPinnedToEveryCpuOfTheMachine() {
		assertThat(ChildProcesses.pinned(List.of("java", "-version"), "", "0-3")).containsExactly("taskset", "-c",
				"0-3", "java", "-version");
	}

	@Test
	void theOnlineCpusAreATasksetListOfEveryCpu() {
		String online = Machine.onlineCpus();
		assertThat(online).matches("[0-9,-]+");
		assertThat(count(online)).isEqualTo(Machine.cpuCount());
	}

	/**
	 * What {@code benchmarks/run} does: the harness runs pinned to one CPU, and a server
	 * it starts on every CPU must not inherit that one CPU. On a machine of one CPU the
	 * two are the same, and the test holds without telling them apart.
	 */
	@Test
	void aChildGivenNoCpusRunsOnEveryCpuEvenIfTheHarnessIsPinnedToOne() throws Exception {
		Path output = this.work.resolve("child.txt");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process harness = new ProcessBuilder("taskset", "-c", "0", java, "-cp", System.getProperty("java.class.path"),
				StartsAChild.class.getName(), this.work.resolve("pids").toString(), output.toString())
			.redirectErrorStream(true)
			.redirectOutput(this.work.resolve("harness.txt").toFile())
			.start();
		assertThat(harness.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(harness.exitValue()).as(Files.readString(this.work.resolve("harness.txt"))).isZero();
		String allowed = Files.readString(output, StandardCharsets.UTF_8)
			.lines()
			.filter((line) -> line.startsWith("Cpus_allowed_list:"))
			.findFirst()
			.orElseThrow()
			.substring("Cpus_allowed_list:".length())
			.trim();
		assertThat(allowed).isEqualTo(Machine.onlineCpus());
	}

	/**
	 * Count the CPUs of a {@code taskset} CPU list such as {@code 0-3,6}.
	 */
	private static int count(String cpus) {
		int count = 0;
		for (String range : cpus.split(",")) {
			String[] bounds = range.split("-");
			count += (bounds.length == 1) ? 1 : Integer.parseInt(bounds[1]) - Integer.parseInt(bounds[0]) + 1;
		}
		return count;
	}

	/**
	 * Starts {@code cat /proc/self/status} through {@link ChildProcesses}, with no CPUs
	 * given, and waits for it.
	 */
	static final class StartsAChild {

		public static void main(String[] args) throws Exception {
			ChildProcesses processes = new ChildProcesses(Path.of(args[0]));
			Process child = processes.start(List.of("cat", "/proc/self/status"), "", Path.of(args[1]));
			System.exit(child.waitFor(30, TimeUnit.SECONDS) ? child.exitValue() : 1);
		}

	}

}
