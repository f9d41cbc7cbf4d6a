package dev.persistedops.store;

/**
 * What a {@link WritableOperationDocumentStore#save save} did.
 */
public enum SaveOutcome {

	/** The id was free: the document is now stored under it. */
	CREATED,

	/** The id already held exactly this text: nothing changed. */
	UNCHANGED,

	/**
	 * The id already holds a different text, which was kept: the document was refused.
	 */
	CONFLICT

}
