package dev.persistedops.store;

/**
 * Reads the documents at one location into a {@link DocumentCatalog}.
 */
@FunctionalInterface
public interface DocumentLoader {

	/**
	 * Add every document at the given location to the catalog.
	 * @param location where to read, such as {@code classpath:/persisted-operations/}
	 * @param catalog the catalog to add to
	 * @throws DocumentLoadException if the location cannot be read or holds unusable
	 * content
	 */
	void load(String location, DocumentCatalog.Builder catalog);

}
