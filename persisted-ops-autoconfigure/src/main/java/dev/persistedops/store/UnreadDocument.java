package dev.persistedops.store;

/**
 * A document that a loader found but did not read: a catalog reads it on its first use.
 *
 * @see DocumentCatalog.Builder#addUnread(dev.persistedops.document.OperationId,
 * UnreadDocument)
 */
public interface UnreadDocument {

	/**
	 * Return where the document is (a file), for messages.
	 */
	String source();

	/**
	 * Read the document's exact text.
	 * @return the text
	 * @throws DocumentLoadException if it is not a valid document, such as a file that is
	 * not UTF-8
	 * @throws java.io.UncheckedIOException if it cannot be read
	 */
	String read();

}
