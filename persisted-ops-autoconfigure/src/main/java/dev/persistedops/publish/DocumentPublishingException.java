package dev.persistedops.publish;

import org.jspecify.annotations.Nullable;

import dev.persistedops.store.StoreUnavailableException;

/**
 * Thrown when publishing at startup did not put every document into the store: the store
 * was unavailable, or some ids hold a different text or could not be saved. The message
 * says which.
 */
public class DocumentPublishingException extends RuntimeException {

	public DocumentPublishingException(String message, @Nullable StoreUnavailableException cause) {
		super(message, cause);
	}

	/**
	 * Whether publishing stopped because the store was unavailable, so that publishing
	 * again once it answers may succeed.
	 */
	public boolean isStoreUnavailable() {
		return getCause() instanceof StoreUnavailableException;
	}

}
