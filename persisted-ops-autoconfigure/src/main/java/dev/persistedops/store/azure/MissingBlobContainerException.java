package dev.persistedops.store.azure;

/**
 * Thrown at startup when the container that should hold the documents does not exist.
 */
public class MissingBlobContainerException extends RuntimeException {

	public MissingBlobContainerException(String containerName) {
		super("The blob container '" + containerName + "' does not exist");
	}

}
