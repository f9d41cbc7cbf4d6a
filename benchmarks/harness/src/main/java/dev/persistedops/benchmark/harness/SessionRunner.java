package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Runs one part of the run: for each launch, starts its servers one after the other
 * (timing each to its first answer), checks that every request is answered with data,
 * warms every request up, measures every comparison in alternating rounds, and stops the
 * servers, whatever happens.
 */
final class SessionRunner {

	private final Settings settings;

	private final ChildProcesses processes;

	private final LoadGenerator load;

	private final PrintStream out;

	SessionRunner(Settings settings, ChildProcesses processes, PrintStream out) {
		this.settings = settings;
		this.processes = processes;
		this.load = new LoadGenerator(processes, settings);
		this.out = out;
	}

	SessionResult run(SessionPlan plan) {
		SessionResult result = SessionResult.of(plan);
		for (int launch = 1; launch <= this.settings.launches(); launch++) {
			runLaunch(plan, launch, result);
		}
		return result;
	}

	private void runLaunch(SessionPlan plan, int launch, SessionResult result) {
		String prefix = "[" + plan.name() + " " + launch + "/" + this.settings.launches() + "]";
		Path logs = this.settings.work().resolve("logs/" + plan.name() + "-" + launch);
		Map<String, ServerProcess> servers = new LinkedHashMap<>();
		Map<String, Double> heapAtStart = new HashMap<>();
		try {
			for (ServerSpec spec : plan.servers()) {
				ServerProcess server = ServerProcess.start(spec, this.processes, this.settings,
						logs.resolve(spec.name() + ".log"));
				servers.put(spec.name(), server);
				heapAtStart.put(spec.name(),
						server.heapAfterGcMegabytes(this.processes, this.settings.loadCpus(), logs));
				this.out.printf("%s %s answered %.2f s after its start; heap after GC %.1f MB%n", prefix, spec.name(),
						server.startup().toNanos() / 1e9, heapAtStart.get(spec.name()));
			}
			check(plan, servers);
			warmUp(plan, servers, prefix);
			for (Comparison comparison : plan.comparisons()) {
				List<Round> rounds = new ArrayList<>();
				for (int round = 1; round <= this.settings.rounds(); round++) {
					rounds.add(round(servers, comparison, launch, round));
				}
				result.add(comparison, rounds);
				StringBuilder ratios = new StringBuilder();
				for (Round round : rounds) {
					ratios.append(String.format(" %.3f", round.ratio()));
				}
				this.out.printf("%s %s (%s):%s%n", prefix, comparison.title(), comparison.shape(), ratios);
			}
			for (ServerProcess server : servers.values()) {
				double heapAtEnd = server.heapAfterGcMegabytes(this.processes, this.settings.loadCpus(), logs);
				result.launches()
					.add(new SessionResult.ServerLaunch(server.name(), launch, server.startup().toNanos() / 1e9,
							heapAtStart.getOrDefault(server.name(), Double.NaN), heapAtEnd));
			}
		}
		finally {
			for (ServerProcess server : servers.values()) {
				server.stop(this.processes);
			}
		}
	}

	/**
	 * Warm every server up for the warm-up time, spread over its requests in slices of at
	 * most five seconds, each request at least once: the JIT needs the whole server busy
	 * for a while, and a server with fewer requests to compare must not stay colder.
	 */
	private void warmUp(SessionPlan plan, Map<String, ServerProcess> servers, String prefix) {
		long seconds = this.settings.warmup().toSeconds();
		if (seconds == 0) {
			return;
		}
		for (ServerProcess server : servers.values()) {
			List<Comparison.Side> sides = plan.sides()
				.stream()
				.filter((side) -> side.server().equals(server.name()))
				.toList();
			if (sides.isEmpty()) {
				continue;
			}
			long slice = Math.max(1, Math.min(5, seconds / sides.size()));
			long done = 0;
			for (int i = 0; done < seconds || i < sides.size(); i++) {
				this.load.measure(server, sides.get(i % sides.size()).request(), Duration.ofSeconds(slice));
				done += slice;
			}
			this.out.printf("%s warmed up %s: %d requests for %d s%n", prefix, server.name(), sides.size(), done);
		}
	}

	private Round round(Map<String, ServerProcess> servers, Comparison comparison, int launch, int round) {
		// A first in odd rounds, B first in even ones, so that neither always follows the
		// other.
		if (round % 2 == 1) {
			Measurement a = measure(servers, comparison.a());
			Measurement b = measure(servers, comparison.b());
			return new Round(launch, round, a, b);
		}
		Measurement b = measure(servers, comparison.b());
		Measurement a = measure(servers, comparison.a());
		return new Round(launch, round, a, b);
	}

	private Measurement measure(Map<String, ServerProcess> servers, Comparison.Side side) {
		return this.load.measure(server(servers, side.server()), side.request(), this.settings.duration());
	}

	/**
	 * Send every registration, then every request once (three drawn ids where ids are
	 * drawn from a list), each of which must be answered with data.
	 */
	private void check(SessionPlan plan, Map<String, ServerProcess> servers) {
		try {
			for (SessionPlan.Registration registration : plan.registrations()) {
				ServerProcess server = server(servers, registration.server());
				ServerProcess.Answer answer = server.post(registration.body());
				if (!answer.hasData()) {
					throw new IllegalStateException("Registration with " + server.name() + " failed: " + answer);
				}
			}
			Random random = new Random(17);
			for (Comparison.Side side : plan.sides()) {
				ServerProcess server = server(servers, side.server());
				Path ids = side.request().ids();
				List<String> drawn = (ids != null) ? draw(Files.readAllLines(ids), random) : List.of("");
				for (String id : drawn) {
					ServerProcess.Answer answer = server.send(side.request(), id);
					if (!answer.hasData()) {
						throw new IllegalStateException(
								side + " is not answered with data: " + answer + " (see " + server.log() + ")");
					}
				}
			}
		}
		catch (IOException ex) {
			throw new IllegalStateException("Checking the requests failed", ex);
		}
	}

	private static List<String> draw(List<String> ids, Random random) {
		return List.of(ids.get(random.nextInt(ids.size())), ids.get(random.nextInt(ids.size())),
				ids.get(random.nextInt(ids.size())));
	}

	private static ServerProcess server(Map<String, ServerProcess> servers, String name) {
		ServerProcess server = servers.get(name);
		if (server == null) {
			throw new IllegalStateException("No server named " + name + " in this part");
		}
		return server;
	}

}
