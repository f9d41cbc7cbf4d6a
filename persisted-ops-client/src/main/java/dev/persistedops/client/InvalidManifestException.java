package dev.persistedops.client;

/**
 * Thrown when a persisted query manifest cannot be read or is not one; the message names
 * the file, the entry and the rule it breaks.
 */
public class InvalidManifestException extends RuntimeException {

	public InvalidManifestException(String message) {
		super(message);
	}

}
