package dev.persistedops.store;

import java.util.Map;

import org.jspecify.annotations.Nullable;

import dev.persistedops.document.OperationId;

/**
 * Finds the documents of one location by id, without listing it, and lists it when asked:
 * what a loader adds to a catalog whose documents are not listed at startup.
 *
 * @see DocumentCatalog.Builder#addUnlisted(DocumentFinder)
 */
public interface DocumentFinder {

	/**
	 * Return the location, for messages.
	 */
	String location();

	/**
	 * Find the document stored under the given id, without reading it.
	 * @param id the id
	 * @return the document, or {@code null} if the location does not hold it
	 */
	@Nullable UnreadDocument find(OperationId id);

	/**
	 * List every document of the location, without reading them. A file whose name is not
	 * a valid id is left out, with a warning.
	 * @return the documents, by their key, in a new map that the caller may change
	 * @throws DocumentLoadException if the location cannot be listed
	 */
	Map<String, UnreadDocument> list();

}
