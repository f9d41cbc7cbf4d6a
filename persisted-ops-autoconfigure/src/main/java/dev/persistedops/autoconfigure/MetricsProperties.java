package dev.persistedops.autoconfigure;

/**
 * Metrics of persisted operations, bound to {@code persisted-ops.metrics}; used when the
 * application has a Micrometer MeterRegistry.
 */
public class MetricsProperties {

	/**
	 * Maximum number of client names that get a tag value of their own; any other client
	 * counts as "other".
	 */
	private int maximumClientNames = 100;

	/**
	 * Maximum number of persisted operations that get a tag value of their own in the
	 * counter of runs per operation; any other operation counts as "other". 0 turns the
	 * counter off.
	 */
	private int maximumOperations = 1000;

	public int getMaximumClientNames() {
		return this.maximumClientNames;
	}

	public void setMaximumClientNames(int maximumClientNames) {
		this.maximumClientNames = maximumClientNames;
	}

	public int getMaximumOperations() {
		return this.maximumOperations;
	}

	public void setMaximumOperations(int maximumOperations) {
		this.maximumOperations = maximumOperations;
	}

}
