package dev.persistedops.store.azure;

/**
 * Thrown at startup when the container that should hold the documents does not exist.
 */
public class MissingBlobContainerException extends RuntimeException {

	private final String containerName;

	public MissingBlobContainerException(String containerName) {
		super("The blob container '" + containerName + "' does not exist");
		this.containerName = containerName;
	}

	/**
	 * Return the name of the missing container.
	 */
	public String getContainerName() {
		return this.containerName;
	}

}
