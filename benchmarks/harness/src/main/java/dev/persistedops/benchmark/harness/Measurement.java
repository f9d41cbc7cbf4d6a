package dev.persistedops.benchmark.harness;

/**
 * One measured run of one request against one server.
 *
 * @param server the server's name
 * @param request the request's label
 * @param load what wrk reports
 * @param cpuMicrosPerRequest the server's CPU time (all its threads: requests, GC, JIT)
 * per completed request, in microseconds
 * @param compilerMicrosPerRequest the part of it that the JIT compiler threads used
 */
public record Measurement(String server, String request, LoadResult load, double cpuMicrosPerRequest,
		double compilerMicrosPerRequest) {

	/**
	 * Return the share of the server's CPU time that its JIT compiler used, 0 to 1 (0 if
	 * the server used none).
	 */
	public double compilerShare() {
		return (this.cpuMicrosPerRequest > 0) ? this.compilerMicrosPerRequest / this.cpuMicrosPerRequest : 0;
	}

	/**
	 * Return the throughput, requests per second.
	 */
	public double requestsPerSecond() {
		return this.load.requestsPerSecond();
	}

}
