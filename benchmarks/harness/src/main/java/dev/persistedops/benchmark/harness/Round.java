package dev.persistedops.benchmark.harness;

/**
 * One alternating round of a comparison: A and B measured back to back (A first in odd
 * rounds, B first in even ones) on the same launch of the servers.
 *
 * @param launch which launch of the servers, from 1
 * @param round which round in that launch, from 1
 * @param a A's measurement
 * @param b B's measurement
 */
public record Round(int launch, int round, Measurement a, Measurement b) {

	/**
	 * Return A's throughput over B's.
	 */
	public double ratio() {
		return Statistics.ratio(this.a.requestsPerSecond(), this.b.requestsPerSecond());
	}

}
