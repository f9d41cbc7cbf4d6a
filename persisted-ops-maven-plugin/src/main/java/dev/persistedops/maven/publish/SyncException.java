package dev.persistedops.maven.publish;

/**
 * Thrown when a sync request could not be made or was refused as a whole; the message
 * says why and never carries the secret.
 */
public final class SyncException extends Exception {

	private static final long serialVersionUID = 1L;

	SyncException(String message) {
		super(message);
	}

}
