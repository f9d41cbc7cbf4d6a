package dev.persistedops.benchmark.harness;

/**
 * One round of a comparison on the same launch of the servers: A and B either measured
 * back to back (A first in some rounds, B first in the others) or together, loaded at the
 * same time on the same core.
 *
 * @param launch which launch of the servers, from 1
 * @param round which round in that launch, from 1
 * @param a A's measurement
 * @param b B's measurement
 * @param together whether A and B were measured together rather than in turn
 */
public record Round(int launch, int round, Measurement a, Measurement b, boolean together) {

	/**
	 * Return a round whose sides were measured in turn.
	 */
	public Round(int launch, int round, Measurement a, Measurement b) {
		this(launch, round, a, b, false);
	}

	/**
	 * Return how much faster A serves than B, above 1 when A costs less per request. Of
	 * sides measured in turn, each with the servers' core to itself: A's throughput over
	 * B's. Of sides measured together, which share the core as the scheduler lets them:
	 * B's CPU time per request over A's.
	 */
	public double ratio() {
		if (this.together) {
			return Statistics.ratio(this.b.cpuMicrosPerRequest(), this.a.cpuMicrosPerRequest());
		}
		return Statistics.ratio(this.a.requestsPerSecond(), this.b.requestsPerSecond());
	}

}
