package dev.persistedops.benchmark.harness;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One part of the run: the servers started together for each launch, and the comparisons
 * measured on them.
 *
 * @param name its short name ({@code peers}, {@code stores}, {@code scale})
 * @param title its heading in RESULTS.md
 * @param servers the servers, started one after the other in this order
 * @param comparisons the comparisons, each run in alternating rounds
 * @param registrations bodies sent once before measuring, such as APQ registrations
 * @param startups how many times each server is started alone and timed in each launch,
 * all servers in turn each time
 */
public record SessionPlan(String name, String title, List<ServerSpec> servers, List<Comparison> comparisons,
		List<Registration> registrations, int startups) {

	/**
	 * Create a plan whose servers are timed at startup once in each launch.
	 */
	public SessionPlan(String name, String title, List<ServerSpec> servers, List<Comparison> comparisons,
			List<Registration> registrations) {
		this(name, title, servers, comparisons, registrations, 1);
	}

	/**
	 * Return every distinct side of the comparisons, in the order they first appear.
	 */
	public Set<Comparison.Side> sides() {
		Set<Comparison.Side> sides = new LinkedHashSet<>();
		for (Comparison comparison : this.comparisons) {
			sides.add(comparison.a());
			sides.add(comparison.b());
		}
		return sides;
	}

	/**
	 * A body sent to a server once, before the measurements, that must be answered with
	 * data.
	 *
	 * @param server the server's name
	 * @param body the JSON body
	 */
	public record Registration(String server, String body) {

	}

}
