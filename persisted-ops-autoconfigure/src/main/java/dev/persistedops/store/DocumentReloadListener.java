package dev.persistedops.store;

/**
 * Told what each look for changed documents of a {@link DocumentReloader} came to, for
 * metrics and the like: a failed reload keeps the previous documents serving, so it must
 * be visible somewhere other than the documents themselves.
 */
@FunctionalInterface
public interface DocumentReloadListener {

	/**
	 * Handle the outcome of one look for changes.
	 * @param outcome what the look came to
	 */
	void onReload(DocumentReloader.Outcome outcome);

}
