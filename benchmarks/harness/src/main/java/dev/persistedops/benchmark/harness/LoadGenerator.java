package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * wrk, pinned to the load CPUs, sending one kind of request to one server for a bounded
 * time, over a fixed number of connections, on the loopback address only.
 */
final class LoadGenerator {

	private final ChildProcesses processes;

	private final Settings settings;

	private final Path scripts;

	LoadGenerator(ChildProcesses processes, Settings settings) {
		this.processes = processes;
		this.settings = settings;
		this.scripts = settings.work().resolve("wrk");
	}

	/**
	 * Send the request to the server for the given time and measure it, CPU time of the
	 * server included.
	 * @throws IllegalStateException if wrk fails, or any response was not a 200 with data
	 */
	Measurement measure(ServerProcess server, LoadRequest request, Duration duration) {
		return measure(server, request, duration, this.settings.connections());
	}

	/**
	 * Send the request to the server for the given time over the given number of
	 * connections and measure it, CPU time of the server included.
	 * @throws IllegalStateException if wrk fails, or any response was not a 200 with data
	 */
	Measurement measure(ServerProcess server, LoadRequest request, Duration duration, int connections) {
		long ticks = this.settings.clockTicksPerSecond();
		double cpuBefore = server.cpuSeconds(ticks);
		double compilerBefore = server.compilerCpuSeconds(ticks);
		LoadResult load = start(server, request, duration, connections).finish();
		return measurement(server, request, load, server.cpuSeconds(ticks) - cpuBefore,
				server.compilerCpuSeconds(ticks) - compilerBefore);
	}

	/**
	 * Send each request to its server for the given time, both at once, and measure them,
	 * CPU time of each server included: over the same seconds, the servers sharing their
	 * CPUs.
	 * @return A's measurement, then B's
	 * @throws IllegalArgumentException if both are the same server, whose CPU time could
	 * not be told apart
	 * @throws IllegalStateException if wrk fails, or any response was not a 200 with data
	 */
	List<Measurement> measureTogether(ServerProcess serverA, LoadRequest requestA, ServerProcess serverB,
			LoadRequest requestB, Duration duration) {
		if (serverA.name().equals(serverB.name())) {
			throw new IllegalArgumentException("Two requests to " + serverA.name() + " cannot be measured together");
		}
		long ticks = this.settings.clockTicksPerSecond();
		double cpuBeforeA = serverA.cpuSeconds(ticks);
		double cpuBeforeB = serverB.cpuSeconds(ticks);
		double compilerBeforeA = serverA.compilerCpuSeconds(ticks);
		double compilerBeforeB = serverB.compilerCpuSeconds(ticks);
		Running a = start(serverA, requestA, duration, this.settings.connections());
		Running b;
		try {
			b = start(serverB, requestB, duration, this.settings.connections());
		}
		catch (RuntimeException ex) {
			this.processes.stop(a.wrk());
			throw ex;
		}
		LoadResult loadA;
		try {
			loadA = a.finish();
		}
		catch (RuntimeException ex) {
			// B must not outlive the round.
			b.await();
			throw ex;
		}
		LoadResult loadB = b.finish();
		return List.of(
				measurement(serverA, requestA, loadA, serverA.cpuSeconds(ticks) - cpuBeforeA,
						serverA.compilerCpuSeconds(ticks) - compilerBeforeA),
				measurement(serverB, requestB, loadB, serverB.cpuSeconds(ticks) - cpuBeforeB,
						serverB.compilerCpuSeconds(ticks) - compilerBeforeB));
	}

	private static Measurement measurement(ServerProcess server, LoadRequest request, LoadResult load, double cpu,
			double compiler) {
		return new Measurement(server.name(), request.label(), load, perRequest(cpu, load), perRequest(compiler, load));
	}

	private static double perRequest(double seconds, LoadResult load) {
		return (load.requests() > 0) ? seconds * 1_000_000 / load.requests() : Double.NaN;
	}

	private Running start(ServerProcess server, LoadRequest request, Duration duration, int connections) {
		String url = server.url(request);
		if (!url.startsWith("http://127.0.0.1:")) {
			throw new IllegalStateException("Load goes to the loopback address only, not " + url);
		}
		try {
			Files.createDirectories(this.scripts);
			String name = (server.name() + "-" + request.label()).replaceAll("[^A-Za-z0-9.-]+", "-");
			Path script = this.scripts.resolve(name + ".lua");
			Files.writeString(script, request.wrkScript(), StandardCharsets.UTF_8);
			Path log = this.scripts.resolve(name + ".out");
			Files.deleteIfExists(log);
			long seconds = Math.max(1, duration.toSeconds());
			Process wrk = this.processes.start(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s",
					"--timeout", "10s", "--latency", "-s", script.toString(), url), this.settings.loadCpus(), log);
			return new Running(server, request, wrk, log, seconds);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A wrk run under way.
	 */
	private final class Running {

		private final ServerProcess server;

		private final LoadRequest request;

		private final Process wrk;

		private final Path log;

		private final long seconds;

		Running(ServerProcess server, LoadRequest request, Process wrk, Path log, long seconds) {
			this.server = server;
			this.request = request;
			this.wrk = wrk;
			this.log = log;
			this.seconds = seconds;
		}

		Process wrk() {
			return this.wrk;
		}

		/**
		 * Wait for wrk to end, at most a minute past its time, and stop it.
		 * @return whether it ended by itself
		 */
		boolean await() {
			try {
				boolean ended = this.wrk.waitFor(this.seconds + 60, TimeUnit.SECONDS);
				LoadGenerator.this.processes.stop(this.wrk);
				return ended;
			}
			catch (InterruptedException ex) {
				LoadGenerator.this.processes.stop(this.wrk);
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted", ex);
			}
		}

		/**
		 * Wait for wrk to end and read what it reports.
		 * @throws IllegalStateException if wrk fails, or any response was not a 200 with
		 * data
		 */
		LoadResult finish() {
			if (!await()) {
				throw new IllegalStateException("wrk did not finish: see " + this.log);
			}
			try {
				String output = Files.readString(this.log, StandardCharsets.UTF_8);
				if (this.wrk.exitValue() != 0) {
					throw new IllegalStateException("wrk failed (" + this.wrk.exitValue() + "):\n" + output);
				}
				LoadResult result = LoadResult.parse(output);
				if (result.failures() > 0) {
					throw new IllegalStateException(result.failures() + " of " + result.requests() + " requests '"
							+ this.request.label() + "' to " + this.server.name()
							+ " failed (not a 200 with data): see " + this.server.log());
				}
				return result;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
