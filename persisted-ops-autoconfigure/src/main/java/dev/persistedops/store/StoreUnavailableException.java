package dev.persistedops.store;

/**
 * Signalled by a store that cannot be asked right now: it did not answer in time, or it
 * failed so recently that asking again would only make requests wait.
 */
public class StoreUnavailableException extends RuntimeException {

	public StoreUnavailableException(String message) {
		super(message);
	}

	public StoreUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
