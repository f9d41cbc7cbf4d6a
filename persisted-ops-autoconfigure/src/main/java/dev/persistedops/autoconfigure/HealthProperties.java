package dev.persistedops.autoconfigure;

/**
 * The health of a remote store (Redis, Azure Blob), bound to
 * {@code persisted-ops.health}; used when the application has Actuator.
 */
public class HealthProperties {

	/**
	 * Whether a remote store that does not answer is reported DOWN, which fails the
	 * application's health. Otherwise it is DEGRADED, which the application's health
	 * ignores, since documents cached locally are still served.
	 */
	private boolean downOnOutage = false;

	public boolean isDownOnOutage() {
		return this.downOnOutage;
	}

	public void setDownOnOutage(boolean downOnOutage) {
		this.downOnOutage = downOnOutage;
	}

}
