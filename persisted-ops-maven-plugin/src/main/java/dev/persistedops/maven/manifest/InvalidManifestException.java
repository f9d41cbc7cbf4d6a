package dev.persistedops.maven.manifest;

/**
 * Thrown when a manifest to read is not an Apollo persisted query manifest; the message
 * names the file and what is wrong with it.
 */
public final class InvalidManifestException extends Exception {

	private static final long serialVersionUID = 1L;

	InvalidManifestException(String message) {
		super(message);
	}

}
