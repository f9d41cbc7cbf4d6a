package dev.persistedops.maven.check;

/**
 * Thrown when no schema can be built from what was given; the message names the file or
 * URL and what is wrong with it.
 */
public final class InvalidSchemaException extends Exception {

	private static final long serialVersionUID = 1L;

	InvalidSchemaException(String message) {
		super(message);
	}

}
