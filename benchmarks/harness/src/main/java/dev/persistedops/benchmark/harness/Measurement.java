package dev.persistedops.benchmark.harness;

/**
 * One measured run of one request against one server.
 *
 * @param server the server's name
 * @param request the request's label
 * @param load what wrk reports
 * @param cpuMicrosPerRequest the server's CPU time (all its threads: requests, GC, JIT)
 * per completed request, in microseconds
 */
public record Measurement(String server, String request, LoadResult load, double cpuMicrosPerRequest) {

	/**
	 * Return the throughput, requests per second.
	 */
	public double requestsPerSecond() {
		return this.load.requestsPerSecond();
	}

}
