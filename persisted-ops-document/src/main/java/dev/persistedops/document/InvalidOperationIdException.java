package dev.persistedops.document;

/**
 * Thrown when a value sent as an operation id breaks the id rule of {@link OperationId}.
 * The message names the rule and is safe to return to the client.
 */
public class InvalidOperationIdException extends RuntimeException {

	private final String reason;

	public InvalidOperationIdException(String message) {
		super(message);
		this.reason = message;
	}

	/**
	 * Return which rule the id breaks, always present.
	 */
	@Override
	public String getMessage() {
		return this.reason;
	}

}
