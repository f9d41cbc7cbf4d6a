package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Every process the harness starts (servers, Redis, Azurite, wrk, JMH): each is pinned to
 * the given CPUs when there are any, written to a pid file that {@code benchmarks/run}
 * reads to clean up if the harness itself is killed, and stopped when the harness exits,
 * however it exits.
 */
final class ChildProcesses {

	private final Path pidFile;

	private final List<Process> running = new ArrayList<>();

	ChildProcesses(Path pidFile) {
		this.pidFile = pidFile;
		Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "stop-benchmark-processes"));
	}

	/**
	 * Start a command pinned to the given CPUs ({@code taskset -c}), or to every CPU of
	 * the machine when {@code cpus} is empty, with its output appended to the log file.
	 */
	synchronized Process start(List<String> command, String cpus, Path log) {
		List<String> pinned = pinned(command, cpus, Machine.onlineCpus());
		try {
			Files.createDirectories(log.getParent());
			Process process = new ProcessBuilder(pinned).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
				.start();
			this.running.add(process);
			Files.writeString(this.pidFile, process.pid() + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
					StandardOpenOption.APPEND);
			return process;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + pinned, ex);
		}
	}

	/**
	 * Return the command pinned to the given CPUs, or to every CPU of the machine when
	 * none are given: never left to inherit the harness's own CPUs, since
	 * {@code benchmarks/run} pins the harness to the load's CPU, and a server started
	 * from it without {@code taskset} would start on that one CPU alone.
	 * @param command the command
	 * @param cpus a {@code taskset} CPU list, or empty for all of them
	 * @param online every CPU of the machine, as a {@code taskset} CPU list
	 */
	static List<String> pinned(List<String> command, String cpus, String online) {
		List<String> pinned = new ArrayList<>(List.of("taskset", "-c", cpus.isEmpty() ? online : cpus));
		pinned.addAll(command);
		return pinned;
	}

	/**
	 * Stop a process: politely, then by force after 15 seconds.
	 */
	synchronized void stop(Process process) {
		process.destroy();
		try {
			if (!process.waitFor(15, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
		this.running.remove(process);
	}

	synchronized void stopAll() {
		for (Process process : List.copyOf(this.running)) {
			stop(process);
		}
	}

	/**
	 * Return a free TCP port on the loopback address.
	 */
	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
