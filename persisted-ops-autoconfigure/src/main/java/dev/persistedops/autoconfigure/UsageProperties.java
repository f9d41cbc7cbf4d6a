package dev.persistedops.autoconfigure;

/**
 * Usage of persisted operations on this instance, bound to {@code persisted-ops.usage};
 * tracked for the Actuator endpoint, when it is available.
 */
public class UsageProperties {

	/**
	 * Maximum number of operations whose use count and last use are tracked. When full,
	 * the tenth of them that went longest without running is dropped first.
	 */
	private int maximumOperations = 10_000;

	public int getMaximumOperations() {
		return this.maximumOperations;
	}

	public void setMaximumOperations(int maximumOperations) {
		this.maximumOperations = maximumOperations;
	}

}
