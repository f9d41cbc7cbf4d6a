package dev.persistedops.store;

import java.util.List;

/**
 * Told of every document saved through a store wrapped with
 * {@link #notifying(WritableOperationDocumentStore, String, List)}, so that where a
 * document came from (a publishing endpoint, say) can be shown later. It is called on the
 * thread that ends the save, so it must be quick and must not block.
 */
@FunctionalInterface
public interface SaveListener {

	/**
	 * Handle a document saved, or found already saved with the same text.
	 * @param key the key the document is stored under
	 * @param origin where it came from
	 */
	void saved(String key, String origin);

	/**
	 * Return the given store, telling the given listeners of every document saved through
	 * it, or the store itself if there are no listeners.
	 * @param store the store
	 * @param origin where the documents saved through it come from
	 * @param listeners the listeners
	 */
	static WritableOperationDocumentStore notifying(WritableOperationDocumentStore store, String origin,
			List<SaveListener> listeners) {
		return listeners.isEmpty() ? store : new NotifyingDocumentStore(store, origin, listeners);
	}

}
