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
		LoadResult load = run(server, request, duration, connections);
		double cpuAfter = server.cpuSeconds(ticks);
		double compilerAfter = server.compilerCpuSeconds(ticks);
		return new Measurement(server.name(), request.label(), load, perRequest(cpuAfter - cpuBefore, load),
				perRequest(compilerAfter - compilerBefore, load));
	}

	private static double perRequest(double seconds, LoadResult load) {
		return (load.requests() > 0) ? seconds * 1_000_000 / load.requests() : Double.NaN;
	}

	private LoadResult run(ServerProcess server, LoadRequest request, Duration duration, int connections) {
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
			if (!wrk.waitFor(seconds + 60, TimeUnit.SECONDS)) {
				this.processes.stop(wrk);
				throw new IllegalStateException("wrk did not finish: see " + log);
			}
			this.processes.stop(wrk);
			String output = Files.readString(log, StandardCharsets.UTF_8);
			if (wrk.exitValue() != 0) {
				throw new IllegalStateException("wrk failed (" + wrk.exitValue() + "):\n" + output);
			}
			LoadResult result = LoadResult.parse(output);
			if (result.failures() > 0) {
				throw new IllegalStateException(
						result.failures() + " of " + result.requests() + " requests '" + request.label() + "' to "
								+ server.name() + " failed (not a 200 with data): see " + server.log());
			}
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

}
