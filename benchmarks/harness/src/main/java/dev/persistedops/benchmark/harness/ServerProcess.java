package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A running server: started pinned to the server CPUs, ready once its readiness request
 * is answered with data, and measurable from outside (CPU time from {@code /proc}, heap
 * after a full GC from {@code jcmd}).
 */
final class ServerProcess {

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(2))
		.build();

	private static final Pattern HEAP_SPACE = Pattern
		.compile("^ (\\S[^,]*?)\\s+(?:total \\d+[KMG], )?used (\\d+)([KMG])", Pattern.MULTILINE);

	private final ServerSpec spec;

	private final Process process;

	private final int port;

	private final Path log;

	private final Duration startup;

	private ServerProcess(ServerSpec spec, Process process, int port, Path log, Duration startup) {
		this.spec = spec;
		this.process = process;
		this.port = port;
		this.log = log;
		this.startup = startup;
	}

	/**
	 * Start the server on the servers' CPUs and wait for its first successful answer.
	 * @throws IllegalStateException if it exits or is not ready within the timeout
	 */
	static ServerProcess start(ServerSpec spec, ChildProcesses processes, Settings settings, Path log) {
		return start(spec, processes, settings, settings.serverCpus(), log);
	}

	/**
	 * Start the server on the given CPUs ({@code taskset -c}, or all of them when empty)
	 * and wait for its first successful answer.
	 * @throws IllegalStateException if it exits or is not ready within the timeout
	 */
	static ServerProcess start(ServerSpec spec, ChildProcesses processes, Settings settings, String cpus, Path log) {
		int port = ChildProcesses.freePort();
		long started = System.nanoTime();
		Process process = processes.start(spec.command(settings.java(), settings.jvmOptions(), port), cpus, log);
		long deadline = started + settings.startupTimeout().toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException(
						spec.name() + " exited with " + process.exitValue() + " while starting: see " + log);
			}
			try {
				Answer answer = send(port, spec.readiness(), Operation.TRIVIAL.hash());
				if (answer.hasData()) {
					return new ServerProcess(spec, process, port, log, Duration.ofNanos(System.nanoTime() - started));
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			sleep(50);
		}
		processes.stop(process);
		throw new IllegalStateException(
				spec.name() + " did not answer within " + settings.startupTimeout() + ": see " + log);
	}

	ServerSpec spec() {
		return this.spec;
	}

	String name() {
		return this.spec.name();
	}

	int port() {
		return this.port;
	}

	Process process() {
		return this.process;
	}

	/**
	 * Return the time from starting the JVM to the first answer with data.
	 */
	Duration startup() {
		return this.startup;
	}

	String url(LoadRequest request) {
		return "http://127.0.0.1:" + this.port + "/graphql" + request.query();
	}

	/**
	 * Send one request, with the given id where it draws ids from a list.
	 */
	Answer send(LoadRequest request, String id) throws IOException {
		return send(this.port, request, id);
	}

	/**
	 * Send a raw JSON body by POST.
	 */
	Answer post(String body) throws IOException {
		return send(this.port, new LoadRequest("raw", "POST", "", body, null), "");
	}

	/**
	 * Return the CPU time the whole JVM (every thread) has used so far, in seconds.
	 */
	double cpuSeconds(long clockTicksPerSecond) {
		try {
			String stat = Files.readString(Path.of("/proc/" + this.process.pid() + "/stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			// utime and stime are fields 14 and 15 of stat, 12 and 13 after the name.
			return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) clockTicksPerSecond;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the CPU time of " + name(), ex);
		}
	}

	/**
	 * Return the CPU time the JVM's JIT compiler threads ({@code C1 CompilerThread*},
	 * {@code C2 CompilerThread*}) have used so far, in seconds. They share the server's
	 * CPUs: what they use while the server is measured is taken from its requests.
	 */
	double compilerCpuSeconds(long clockTicksPerSecond) {
		Path tasks = Path.of("/proc/" + this.process.pid() + "/task");
		long ticks = 0;
		try (Stream<Path> threads = Files.list(tasks)) {
			for (Path thread : threads.toList()) {
				ticks += compilerTicks(thread);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list the threads of " + name(), ex);
		}
		return ticks / (double) clockTicksPerSecond;
	}

	/**
	 * Return the CPU ticks of the given thread ({@code /proc/<pid>/task/<tid>}) if it is
	 * a JIT compiler thread, or 0: also 0 for a thread that ended meanwhile (compiler
	 * threads come and go with the JVM's demand for them).
	 */
	static long compilerTicks(Path thread) {
		try {
			String stat = Files.readString(thread.resolve("stat"));
			String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
			if (!name.startsWith("C1 CompilerThre") && !name.startsWith("C2 CompilerThre")) {
				return 0;
			}
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	/**
	 * Run a full GC ({@code jcmd GC.run}).
	 */
	void collectGarbage(ChildProcesses processes, String cpus, Path logDirectory) {
		run(processes, List.of("jcmd", String.valueOf(this.process.pid()), "GC.run"), cpus,
				logDirectory.resolve("jcmd-gc.log"));
	}

	/**
	 * Run a full GC ({@code jcmd GC.run}) and return the heap then in use, in megabytes.
	 */
	double heapAfterGcMegabytes(ChildProcesses processes, String cpus, Path logDirectory) {
		collectGarbage(processes, cpus, logDirectory);
		String pid = String.valueOf(this.process.pid());
		Path heapInfo = logDirectory.resolve("jcmd-heap-" + name() + "-" + pid + ".txt");
		run(processes, List.of("jcmd", pid, "GC.heap_info"), cpus, heapInfo);
		try {
			return heapUsedMegabytes(Files.readString(heapInfo, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Return the heap in use that {@code jcmd GC.heap_info} reports, in megabytes: the
	 * sum of the top-level spaces (Serial's and Parallel's generations, G1's heap,
	 * ZGC's), without Metaspace.
	 */
	static double heapUsedMegabytes(String heapInfo) {
		Matcher matcher = HEAP_SPACE.matcher(heapInfo);
		double megabytes = 0;
		boolean found = false;
		while (matcher.find()) {
			if (matcher.group(1).startsWith("Metaspace")) {
				continue;
			}
			double value = Double.parseDouble(matcher.group(2));
			megabytes += switch (matcher.group(3)) {
				case "K" -> value / 1024;
				case "M" -> value;
				default -> value * 1024;
			};
			found = true;
		}
		if (!found) {
			throw new IllegalStateException("No heap in jcmd's answer:\n" + heapInfo);
		}
		return megabytes;
	}

	void stop(ChildProcesses processes) {
		processes.stop(this.process);
	}

	Path log() {
		return this.log;
	}

	private static void run(ChildProcesses processes, List<String> command, String cpus, Path log) {
		try {
			Files.deleteIfExists(log);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Process process = processes.start(command, cpus, log);
		try {
			if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
				processes.stop(process);
				throw new IllegalStateException(command + " failed: see " + log);
			}
			processes.stop(process);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static Answer send(int port, LoadRequest request, String id) throws IOException {
		HttpRequest.Builder builder = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql" + request.query()))
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "application/json");
		String body = request.bodyFor(id);
		if (body != null) {
			builder.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
		}
		else {
			builder.GET();
		}
		try {
			HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted", ex);
		}
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	/**
	 * An answer to one request.
	 *
	 * @param status its HTTP status
	 * @param body its body
	 */
	record Answer(int status, String body) {

		/**
		 * Whether it is a 200 with data and no errors.
		 */
		boolean hasData() {
			return this.status == 200 && this.body.contains("\"data\"") && !this.body.contains("\"errors\"");
		}

	}

}
