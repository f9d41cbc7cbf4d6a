package dev.persistedops.store;

/**
 * What loading does when a hash-shaped id is not the hash of its document's text.
 */
public enum HashMismatchAction {

	/** Refuse to load: the application does not start. */
	FAIL,

	/** Log every mismatch as a warning and load the documents anyway. */
	WARN

}
