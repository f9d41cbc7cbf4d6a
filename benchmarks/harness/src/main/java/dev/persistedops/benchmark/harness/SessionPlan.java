package dev.persistedops.benchmark.harness;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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
	 * Return this plan with only the comparisons whose title contains the given text, and
	 * only the servers and registrations they use.
	 * @param text the text to look for, or empty for every comparison
	 * @throws IllegalArgumentException if no comparison's title contains it
	 */
	public SessionPlan picking(String text) {
		if (text.isEmpty()) {
			return this;
		}
		List<Comparison> picked = this.comparisons.stream()
			.filter((comparison) -> comparison.title().contains(text))
			.toList();
		if (picked.isEmpty()) {
			throw new IllegalArgumentException(
					"No comparison of the " + this.name + " part has \"" + text + "\" in its title: pick from "
							+ this.comparisons.stream().map(Comparison::title).distinct().toList());
		}
		Set<String> used = new SessionPlan(this.name, this.title, this.servers, picked, this.registrations,
				this.startups)
			.sides()
			.stream()
			.map(Comparison.Side::server)
			.collect(Collectors.toSet());
		return new SessionPlan(this.name, this.title,
				this.servers.stream().filter((server) -> used.contains(server.name())).toList(), picked,
				this.registrations.stream().filter((registration) -> used.contains(registration.server())).toList(),
				this.startups);
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
