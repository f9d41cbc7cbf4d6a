package dev.persistedops.benchmark.harness;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

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
		assertThat(Machine.onlineCpus()).matches("[0-9,-]+");
	}

	/**
	 * What {@code benchmarks/run} does: the harness runs pinned to one CPU, and a server
	 * it starts on every CPU must not inherit that one CPU.
	 */
	@Test
	void aChildGivenNoCpusRunsOnEveryCpuEvenIfTheHarnessIsPinnedToOne() throws Exception {
		assumeThat(Machine.cpuCount()).as("a machine with more than one CPU").isGreaterThan(1);
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
