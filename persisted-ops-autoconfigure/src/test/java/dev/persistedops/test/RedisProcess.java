package dev.persistedops.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One local {@code redis-server} or {@code redis-sentinel} process (Debian packages
 * installed by {@code scripts/test}) on a port of its own, in a directory of its own,
 * with persistence off: what {@link RedisTestServer}, {@link RedisClusterTestServer} and
 * {@link RedisSentinelTestServer} start.
 */
final class RedisProcess {

	private static final Duration STARTUP = Duration.ofSeconds(20);

	private final String executable;

	private final int port;

	private final Path directory;

	private final List<String> leadingArguments;

	private final List<String> arguments;

	private Process process;

	/**
	 * Describe a process.
	 * @param executable {@code redis-server} or {@code redis-sentinel}
	 * @param leadingArguments what comes before the options (a configuration file)
	 * @param arguments further options, such as {@code --cluster-enabled yes}
	 */
	RedisProcess(String executable, List<String> leadingArguments, List<String> arguments) {
		this.executable = executable;
		this.port = TestServices.freePort();
		this.leadingArguments = leadingArguments;
		this.arguments = arguments;
		this.directory = TestServices.temporaryDirectory(executable + "-test");
	}

	RedisProcess(List<String> arguments) {
		this("redis-server", List.of(), arguments);
	}

	int port() {
		return this.port;
	}

	Path directory() {
		return this.directory;
	}

	/**
	 * Start (again) on the same port, and wait until it accepts connections.
	 */
	void start() {
		if (!TestServices.isOnPath(this.executable)) {
			throw new IllegalStateException("No " + this.executable + " on the PATH and no Docker engine: run the "
					+ "tests with scripts/test, which installs it (Debian packages redis-server and redis-sentinel)");
		}
		List<String> command = new ArrayList<>();
		command.add(this.executable);
		command.addAll(this.leadingArguments);
		command.addAll(List.of("--port", String.valueOf(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly",
				"no", "--dir", this.directory.toString()));
		command.addAll(this.arguments);
		try {
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("redis.log").toFile()))
				.start();
			TestServices.stopOnExit(this.process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start " + this.executable, ex);
		}
		TestServices.awaitPort(this.executable, "127.0.0.1", this.port, STARTUP);
	}

	void stop() {
		if (this.process != null) {
			TestServices.stop(this.process);
			this.process = null;
		}
	}

	/**
	 * End the process at once, as a crash would.
	 */
	void kill() {
		if (this.process != null) {
			TestServices.signal(this.process, "KILL");
			try {
				this.process.waitFor();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.process = null;
		}
	}

	void signal(String signal) {
		TestServices.signal(this.process, signal);
	}

}
