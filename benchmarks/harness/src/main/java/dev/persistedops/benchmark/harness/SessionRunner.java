package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs one part of the run: for each launch, times each server's startup with it running
 * alone, then starts the servers it measures one after the other, checks that every
 * request is answered with data, warms every request up, measures every comparison in
 * rounds (two servers together, two requests to one server in turn), and stops the
 * servers, whatever happens.
 */
final class SessionRunner {

	/** How long each request runs at a time while a server warms up. */
	static final Duration WARMUP_SLICE = Duration.ofSeconds(2);

	/**
	 * The largest share of the server's CPU time its JIT compiler may use in a turn of
	 * the warm-up for the server to count as warm. On a slow 2-core machine, 11 of 12
	 * servers whose turns were already within 3 % of each other still spent 10 to 27 % of
	 * their CPU compiling at full concurrency (most about 25 %, what the scheduler gives
	 * one more busy thread: the compiler had more queued than it could do), 32 to 39 %
	 * over one connection. Measured so, full text through the starter against plain
	 * Spring for GraphQL gave rounds of 2.0 to 2.3 on the trivial query, where the
	 * recorded run has 1.04.
	 */
	static final double COMPILER_QUIET = 0.01;

	/**
	 * The longest pause in the warm-up, with no load, for the JIT compiler to finish what
	 * it has queued: after a turn in which it used more than {@link #COMPILER_QUIET}.
	 */
	static final Duration COMPILER_DRAIN_LIMIT = Duration.ofSeconds(30);

	/**
	 * The longest warm-up at full concurrency, as a multiple of the warm-up time: the
	 * compiler still has code to compile for the new concurrency.
	 */
	static final int FULL_CONCURRENCY_LIMIT = 2;

	/**
	 * How much faster than every turn before it a turn of the warm-up may be for the
	 * server to count as warm: a server still warming up gets faster. A turn that is
	 * slower tells nothing about the server: on a shared host, the same server's turns
	 * varied by more than 3 % for minutes after its compiler had gone quiet, and a
	 * warm-up that waited for two turns within 3 % of each other ran to its limit on
	 * almost every server.
	 */
	static final double SETTLED = 0.03;

	/** The longest warm-up, as a multiple of the warm-up time. */
	static final int WARMUP_LIMIT = 5;

	/** The window in which the servers must stay quiet before a measurement. */
	static final Duration QUIET_WINDOW = Duration.ofMillis(300);

	/** The share of a CPU the servers may use in that window and still be quiet. */
	static final double QUIET_SHARE = 0.05;

	/** The longest wait for quiet servers before a measurement. */
	static final Duration QUIET_LIMIT = Duration.ofSeconds(10);

	/**
	 * The longest wait for the servers started so far to finish their own startup work
	 * (such as checking a large store against the schema in the background) before the
	 * next one starts.
	 */
	static final Duration STARTUP_QUIET_LIMIT = Duration.ofSeconds(120);

	/**
	 * A measured server checks a large store against the schema as soon as it has
	 * started, rather than after the default delay: a check that waits looks quiet to the
	 * harness, and would then compete for the core with the next server's startup or with
	 * a measurement. The servers timed at startup keep the default.
	 */
	static final String CHECK_AT_ONCE = "persisted-ops.validation.background-delay=0";

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

	SessionResult run(SessionPlan whole) {
		SessionPlan plan = whole.picking(this.settings.comparisons());
		SessionResult result = SessionResult.of(plan);
		for (int launch = 1; launch <= this.settings.launches(); launch++) {
			runLaunch(plan, launch, result);
		}
		return result;
	}

	private void runLaunch(SessionPlan plan, int launch, SessionResult result) {
		String prefix = "[" + plan.name() + " " + launch + "/" + this.settings.launches() + "]";
		Path logs = this.settings.work().resolve("logs/" + plan.name() + "-" + launch);
		Map<String, List<Startup>> startups = timeStartups(plan, logs, prefix);
		Set<String> measured = plan.sides().stream().map(Comparison.Side::server).collect(Collectors.toSet());
		Map<String, ServerProcess> servers = new LinkedHashMap<>();
		try {
			for (ServerSpec spec : plan.servers()) {
				if (!measured.contains(spec.name())) {
					continue;
				}
				// Not while another server still works: it would compete for the core.
				awaitQuiet(servers, STARTUP_QUIET_LIMIT);
				servers.put(spec.name(), ServerProcess.start(spec.withProperty(CHECK_AT_ONCE), this.processes,
						this.settings, logs.resolve(spec.name() + ".log")));
			}
			awaitQuiet(servers, STARTUP_QUIET_LIMIT);
			check(plan, servers);
			warmUp(plan, servers, logs, prefix);
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
			for (Map.Entry<String, List<Startup>> timed : startups.entrySet()) {
				ServerProcess server = servers.get(timed.getKey());
				double heapAtEnd = (server != null)
						? server.heapAfterGcMegabytes(this.processes, this.settings.loadCpus(), logs) : Double.NaN;
				int start = 1;
				for (Startup startup : timed.getValue()) {
					result.launches()
						.add(new SessionResult.ServerLaunch(timed.getKey(), launch, start++, startup.seconds(),
								startup.heapMegabytes(), heapAtEnd));
				}
			}
		}
		finally {
			for (ServerProcess server : servers.values()) {
				server.stop(this.processes);
			}
		}
	}

	/**
	 * Start each server of the part alone, with no other server running, and time it from
	 * its start to its first answer with data; measure its heap after a full GC right
	 * then, and stop it. Timed next to other servers on the same core, a server's startup
	 * would also measure what they still do: in a run that timed them so, 100 documents
	 * took 5.21 s as files, started first, and 5.65 s as a manifest, started sixth. The
	 * servers are timed in turn as many times as the plan says, so that servers compared
	 * are timed close together each time. Alone, a server starts on the CPUs of
	 * {@code --startup-cpus}, all of them by default, as an application starts on its own
	 * machine: what it does in parallel at startup, such as reading and hashing a large
	 * store, counts as it would there.
	 */
	private Map<String, List<Startup>> timeStartups(SessionPlan plan, Path logs, String prefix) {
		Map<String, List<Startup>> startups = new LinkedHashMap<>();
		for (int start = 1; start <= plan.startups(); start++) {
			String suffix = (plan.startups() > 1) ? "-startup-" + start + ".log" : "-startup.log";
			for (ServerSpec spec : plan.servers()) {
				ServerProcess server = ServerProcess.start(spec, this.processes, this.settings,
						this.settings.startupCpus(), logs.resolve(spec.name() + suffix));
				try {
					Startup startup = new Startup(server.startup().toNanos() / 1e9,
							server.heapAfterGcMegabytes(this.processes, this.settings.loadCpus(), logs));
					startups.computeIfAbsent(spec.name(), (name) -> new ArrayList<>()).add(startup);
					this.out.printf(
							"%s %s answered %.2f s after its start, started alone (%d of %d); heap after GC "
									+ "%.1f MB%n",
							prefix, spec.name(), startup.seconds(), start, plan.startups(), startup.heapMegabytes());
				}
				finally {
					server.stop(this.processes);
				}
			}
		}
		return startups;
	}

	/**
	 * A server's startup, timed with no other server running.
	 *
	 * @param seconds from starting the JVM to the first answer with data
	 * @param heapMegabytes heap in use after a full GC, right after that answer
	 */
	private record Startup(double seconds, double heapMegabytes) {

	}

	/**
	 * Warm every server up, one after the other: its requests in turn over a single
	 * connection, in slices of {@link #WARMUP_SLICE}, until a whole turn is no faster
	 * than the fastest before it (by {@link #SETTLED}) and the JIT compiler used at most
	 * {@link #COMPILER_QUIET} of the server's CPU in it (for at least the warm-up time,
	 * at most {@link #WARMUP_LIMIT} times it), then the same at full concurrency (at
	 * least two turns, at most {@link #FULL_CONCURRENCY_LIMIT} times the warm-up time),
	 * then a full GC. After a turn in which the compiler used more, the load pauses until
	 * the server is idle (at most {@link #COMPILER_DRAIN_LIMIT}), so that the compiler
	 * works through its queue with the whole core. On a server that shares its core with
	 * the load of many connections, the JIT compiler gets too little of the core to
	 * finish for minutes; one connection leaves it room. A server that parsed 100,000
	 * documents can look settled over one connection while it is still far from its rate
	 * at full concurrency, hence the second stage. The full GC moves what the server
	 * keeps to the old generation at once: that server otherwise spent its first measured
	 * rounds in young collections of 30 ms and more, and went from 8,000 to 15,000
	 * requests per second while it was measured.
	 */
	private void warmUp(SessionPlan plan, Map<String, ServerProcess> servers, Path logs, String prefix) {
		long minimum = this.settings.warmup().toNanos();
		if (minimum == 0) {
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
			long start = System.nanoTime();
			Settling single = settle(server, sides, 1, minimum, minimum * WARMUP_LIMIT);
			Settling full = settle(server, sides, this.settings.connections(), 0, minimum * FULL_CONCURRENCY_LIMIT);
			server.collectGarbage(this.processes, this.settings.loadCpus(), logs);
			this.out.printf(
					"%s warmed up %s: %d requests, %d turns over one connection (%s), %d at full concurrency "
							+ "(%s) in %d s%n",
					prefix, server.name(), sides.size(), single.turns(), single.describe(), full.turns(),
					full.describe(), Duration.ofNanos(System.nanoTime() - start).toSeconds());
		}
	}

	/**
	 * Run the given requests in turn over the given number of connections until a turn is
	 * no faster than the fastest before it ({@link #faster}) with the JIT compiler quiet
	 * ({@link #COMPILER_QUIET}), once at least {@code minimum} has passed, or until
	 * {@code limit} has.
	 */
	private Settling settle(ServerProcess server, List<Comparison.Side> sides, int connections, long minimum,
			long limit) {
		long start = System.nanoTime();
		double fastest = Double.POSITIVE_INFINITY;
		int turns = 0;
		boolean settled = false;
		boolean rising = false;
		double compilerShare = 0;
		while (!settled && (turns < 2 || System.nanoTime() - start < limit)) {
			List<Measurement> turn = new ArrayList<>();
			for (Comparison.Side side : sides) {
				turn.add(this.load.measure(server, side.request(), WARMUP_SLICE, connections));
			}
			turns++;
			compilerShare = compilerShare(turn);
			double cost = costOf(turn);
			rising = faster(cost, fastest);
			settled = turns >= 2 && System.nanoTime() - start >= minimum && settles(cost, fastest, compilerShare);
			fastest = Math.min(fastest, cost);
			if (!settled && compilerShare > COMPILER_QUIET) {
				// Under load the compiler gets only a share of the core: with none, it
				// works through what is queued at full speed.
				awaitQuiet(Map.of(server.name(), server), COMPILER_DRAIN_LIMIT);
			}
		}
		return new Settling(turns, settled, rising, compilerShare);
	}

	/**
	 * Return the share of the server's CPU time that its JIT compiler used over the given
	 * measurements.
	 */
	static double compilerShare(List<Measurement> measurements) {
		double cpu = 0;
		double compiler = 0;
		for (Measurement measurement : measurements) {
			long requests = measurement.load().requests();
			if (requests > 0) {
				cpu += measurement.cpuMicrosPerRequest() * requests;
				compiler += measurement.compilerMicrosPerRequest() * requests;
			}
		}
		return (cpu > 0) ? compiler / cpu : 0;
	}

	/**
	 * How a stage of the warm-up ended.
	 */
	private record Settling(int turns, boolean settled, boolean rising, double compilerShare) {

		String describe() {
			String compiler = String.format("the JIT compiler %.1f %% of its CPU in the last turn",
					this.compilerShare * 100);
			if (this.settled) {
				return "settled, " + compiler;
			}
			return "not settled: " + (this.rising ? "its last turn was its fastest; " : "") + compiler;
		}

	}

	/**
	 * Whether a turn of the warm-up shows the server warm: it answered, it was no faster
	 * than the fastest turn before it ({@link #faster}), and the JIT compiler was quiet
	 * in it ({@link #COMPILER_QUIET}). A turn without an answer has no rate and an
	 * infinite cost, which is never faster: it tells nothing.
	 * @param cost the time the turn took per request of each kind, summed
	 * @param fastest the least such time of the turns before it
	 * @param compilerShare the share of the server's CPU its compiler used in the turn
	 */
	static boolean settles(double cost, double fastest, double compilerShare) {
		return Double.isFinite(cost) && !faster(cost, fastest) && compilerShare <= COMPILER_QUIET;
	}

	/**
	 * Whether a turn that took the given cost is faster, by more than {@link #SETTLED},
	 * than the fastest turn before it: if it is, the server is still warming up.
	 * @param cost the time the turn took per request of each kind, summed
	 * @param fastest the least such time of the turns before it
	 */
	static boolean faster(double cost, double fastest) {
		return cost < fastest * (1 - SETTLED);
	}

	/**
	 * Return the time a turn took per request of each kind, summed.
	 */
	static double costOf(List<Measurement> turn) {
		double cost = 0;
		for (Measurement measurement : turn) {
			cost += 1 / measurement.requestsPerSecond();
		}
		return cost;
	}

	/**
	 * Wait until no server uses the CPU, at most for the given time: a server that is not
	 * measured may still be compiling, collecting garbage, or doing its own startup work
	 * on the core the measured one needs.
	 */
	private void awaitQuiet(Map<String, ServerProcess> servers, Duration limit) {
		long ticks = this.settings.clockTicksPerSecond();
		long deadline = System.nanoTime() + limit.toNanos();
		try {
			while (System.nanoTime() < deadline) {
				double before = cpuSeconds(servers.values(), ticks);
				Thread.sleep(QUIET_WINDOW.toMillis());
				double used = cpuSeconds(servers.values(), ticks) - before;
				if (used <= QUIET_WINDOW.toNanos() / 1e9 * QUIET_SHARE) {
					return;
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted", ex);
		}
	}

	private static double cpuSeconds(Iterable<ServerProcess> servers, long ticks) {
		double seconds = 0;
		for (ServerProcess server : servers) {
			seconds += server.cpuSeconds(ticks);
		}
		return seconds;
	}

	private Round round(Map<String, ServerProcess> servers, Comparison comparison, int launch, int round) {
		if (together(this.settings, comparison)) {
			awaitQuiet(servers, QUIET_LIMIT);
			List<Measurement> both = this.load.measureTogether(server(servers, comparison.a().server()),
					comparison.a().request(), server(servers, comparison.b().server()), comparison.b().request(),
					this.settings.duration());
			return new Round(launch, round, both.get(0), both.get(1), true);
		}
		if (aFirst(launch, round)) {
			Measurement a = measure(servers, comparison.a());
			Measurement b = measure(servers, comparison.b());
			return new Round(launch, round, a, b);
		}
		Measurement b = measure(servers, comparison.b());
		Measurement a = measure(servers, comparison.a());
		return new Round(launch, round, a, b);
	}

	/**
	 * Whether the two sides of the comparison are measured together: unless the settings
	 * say in turn, when they are two servers. Two requests to one server cannot be told
	 * apart in its CPU time, so they are measured in turn. Together, the two servers
	 * share the core through the same seconds: a slow patch of the host slows both, and
	 * their CPU time per request cancels it, where two sides in turn see different
	 * seconds of the host. On a noisy 2-core host, in turn, two servers doing the same
	 * work gave rounds from 0.72 to 1.59.
	 */
	static boolean together(Settings settings, Comparison comparison) {
		return settings.together() && !comparison.a().server().equals(comparison.b().server());
	}

	/**
	 * Whether A is measured first in the given round: in odd rounds of odd launches and
	 * even rounds of even ones, so that neither side always follows the other, and over
	 * the launches each goes first about as often (as often, over an even number). On one
	 * server, the side measured second did better (1.68 with A first, 2.04 with B first);
	 * across servers, the one measured first did (1.07 against 0.95): with an odd number
	 * of rounds and A always first in the first, the median leaned towards the rounds A
	 * began.
	 */
	static boolean aFirst(int launch, int round) {
		return (launch + round) % 2 == 0;
	}

	private Measurement measure(Map<String, ServerProcess> servers, Comparison.Side side) {
		awaitQuiet(servers, QUIET_LIMIT);
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
