package dev.persistedops.store;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A store that can list every document it holds (files, manifests), so that the documents
 * can be indexed, checked or counted as a whole.
 */
public interface ListableOperationDocumentStore extends OperationDocumentStore {

	/**
	 * Return every document, by the key it is stored under. The map is an immutable
	 * snapshot, and the same map is returned for as long as the store holds the same
	 * documents.
	 */
	Map<String, String> documents();

	/**
	 * Return where the document stored under the given key came from (a file, or a file
	 * and a manifest entry), or {@code null} if the store does not say or does not hold
	 * the key.
	 */
	default @Nullable String sourceOf(String key) {
		return null;
	}

	/**
	 * Return whether the store knows every document it holds already. A store that does
	 * not (its files are found by id) lists them the first time {@link #documents()} is
	 * iterated or asked its size, which may take seconds: a caller at startup that can
	 * wait should not ask then.
	 */
	default boolean isListed() {
		return true;
	}

}
