package dev.persistedops.store;

/**
 * Told of every lookup a {@link ResilientOperationDocumentStore} makes in its remote
 * store, for metrics and the like: register one with
 * {@link RemoteStoreMonitor#addListener(RemoteStoreListener)}. It is called on the thread
 * that ends the lookup, so it must be quick and must not block.
 */
@FunctionalInterface
public interface RemoteStoreListener {

	/**
	 * Handle the end of one lookup.
	 * @param result how the lookup ended
	 * @param nanos how long the caller waited for it, in nanoseconds
	 */
	void onLookup(RemoteLookupResult result, long nanos);

}
