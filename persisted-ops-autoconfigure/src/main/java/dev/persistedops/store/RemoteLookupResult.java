package dev.persistedops.store;

/**
 * How one lookup in a remote store ended, as a {@link RemoteStoreMonitor} reports it.
 */
public enum RemoteLookupResult {

	/** The store answered with the document. */
	HIT,

	/** The store answered that it holds no document under the id. */
	MISS,

	/** The store failed to answer. */
	ERROR,

	/** The store did not answer within the timeout. */
	TIMEOUT,

	/**
	 * The store was not asked: it failed recently (the outage gate is open) or too many
	 * calls were waiting for it.
	 */
	REJECTED;

	/**
	 * Return the name used in logs and metric tags.
	 */
	public String tagValue() {
		return name().toLowerCase();
	}

}
