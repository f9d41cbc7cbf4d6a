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

	public int getMaximumClientNames() {
		return this.maximumClientNames;
	}

	public void setMaximumClientNames(int maximumClientNames) {
		this.maximumClientNames = maximumClientNames;
	}

}
