package dev.persistedops.client;

import org.jspecify.annotations.Nullable;

/**
 * Gives a document its operation id: computed from the text ({@link HashedOperationIds})
 * or looked up in a manifest the build produced ({@link PersistedQueryManifest}).
 */
@FunctionalInterface
public interface OperationIds {

	/**
	 * Return the id of the given document text.
	 * @param document the exact text of the document
	 * @return the id, or {@code null} if this document has none, and is then sent as text
	 */
	@Nullable String idOf(String document);

}
