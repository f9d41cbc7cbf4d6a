package dev.persistedops.autoconfigure;

import java.util.List;

import dev.persistedops.store.DocumentLoadException;

/**
 * Thrown when the documents at configured locations cannot be loaded: carries the
 * locations and the properties they came from, so that the failure analysis names exactly
 * what to fix.
 */
class ConfiguredDocumentsException extends RuntimeException {

	private final List<DocumentLocations> sources;

	private final DocumentLoadException loadFailure;

	ConfiguredDocumentsException(List<DocumentLocations> sources, DocumentLoadException cause) {
		super(cause.getMessage(), cause);
		this.sources = List.copyOf(sources);
		this.loadFailure = cause;
	}

	/**
	 * Return the locations that were being loaded, each with its property.
	 */
	List<DocumentLocations> getSources() {
		return this.sources;
	}

	/**
	 * Return what went wrong while loading.
	 */
	DocumentLoadException getLoadFailure() {
		return this.loadFailure;
	}

}
