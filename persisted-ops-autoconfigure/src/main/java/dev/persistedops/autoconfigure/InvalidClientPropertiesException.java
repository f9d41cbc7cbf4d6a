package dev.persistedops.autoconfigure;

/**
 * Thrown when the {@code persisted-ops.client.*} properties do not fit together; it names
 * the property to fix, for {@link InvalidClientPropertiesFailureAnalyzer}.
 */
public class InvalidClientPropertiesException extends IllegalStateException {

	private final String property;

	public InvalidClientPropertiesException(String property, String message) {
		super(message);
		this.property = property;
	}

	/**
	 * Return the property to fix.
	 */
	public String getProperty() {
		return this.property;
	}

}
