package dev.persistedops.benchmark.harness;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one part of the run measured: the rounds of each comparison over every launch, and
 * each server's startup and heap in each launch.
 *
 * @param plan what was run
 * @param rounds the rounds of each comparison, pooled over the launches
 * @param launches each server's startups and heap, launch by launch
 */
public record SessionResult(SessionPlan plan, Map<Comparison, List<Round>> rounds, List<ServerLaunch> launches) {

	/**
	 * Return an empty result for the plan, to be filled launch by launch.
	 */
	public static SessionResult of(SessionPlan plan) {
		Map<Comparison, List<Round>> rounds = new LinkedHashMap<>();
		for (Comparison comparison : plan.comparisons()) {
			rounds.put(comparison, new ArrayList<>());
		}
		return new SessionResult(plan, rounds, new ArrayList<>());
	}

	/**
	 * Add the rounds of one launch of a comparison.
	 */
	public void add(Comparison comparison, List<Round> launchRounds) {
		this.rounds.computeIfAbsent(comparison, (key) -> new ArrayList<>()).addAll(launchRounds);
	}

	/**
	 * One start of a server in one launch, timed alone. The heap at the end is the
	 * server's once measured in that launch, the same for each of its starts.
	 *
	 * @param server the server's name
	 * @param launch which launch, from 1
	 * @param start which of the server's startups timed in that launch, from 1
	 * @param startupSeconds from starting the JVM to the first answer with data
	 * @param heapAtStartMegabytes heap in use after a full GC, right after that answer
	 * @param heapAtEndMegabytes heap in use after a full GC, once measured
	 */
	public record ServerLaunch(String server, int launch, int start, double startupSeconds, double heapAtStartMegabytes,
			double heapAtEndMegabytes) {

	}

}
