package dev.persistedops.store;

import java.io.UncheckedIOException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.persistedops.document.HashedIdVerifier;
import dev.persistedops.document.OperationId;

/**
 * A document of a catalog that is read, and its id checked against its text, on its first
 * use. A document that cannot be read, is not valid, or (when mismatches fail) is not the
 * hash of its id is not served: the reason is logged once, as an error.
 */
final class FirstUseDocument {

	private static final Log logger = LogFactory.getLog(DocumentCatalog.class);

	/**
	 * What a document that is not served reads as, once it has been tried.
	 */
	private static final Object NOT_SERVED = new Object();

	private final OperationId id;

	private final UnreadDocument unread;

	private final HashedIdVerifier verifier;

	private final HashMismatchAction onMismatch;

	private volatile @Nullable Object outcome;

	FirstUseDocument(OperationId id, UnreadDocument unread, HashedIdVerifier verifier, HashMismatchAction onMismatch) {
		this.id = id;
		this.unread = unread;
		this.verifier = verifier;
		this.onMismatch = onMismatch;
	}

	OperationId id() {
		return this.id;
	}

	String source() {
		return this.unread.source();
	}

	/**
	 * Return whether the document was read (or tried).
	 */
	boolean isRead() {
		return this.outcome != null;
	}

	/**
	 * Return the document's text, reading it the first time, or {@code null} if it is not
	 * served.
	 */
	@Nullable String text() {
		Object outcome = this.outcome;
		if (outcome == null) {
			synchronized (this) {
				outcome = this.outcome;
				if (outcome == null) {
					outcome = read();
					this.outcome = outcome;
				}
			}
		}
		return (outcome instanceof String text) ? text : null;
	}

	/**
	 * Read the document's text now, for a comparison at load time, letting a failure
	 * through as it would fail a load that reads every document.
	 */
	String readNow() {
		return this.unread.read();
	}

	private Object read() {
		String text;
		try {
			text = this.unread.read();
		}
		catch (DocumentLoadException | UncheckedIOException ex) {
			logger.error("Not serving the persisted document '" + this.id + "' (" + this.unread.source()
					+ "): it could not be read on its first use: " + ex.getMessage());
			return NOT_SERVED;
		}
		String mismatch = DocumentCatalog.mismatch(this.verifier, this.id, text, this.unread::source);
		if (mismatch == null) {
			return text;
		}
		if (this.onMismatch == HashMismatchAction.FAIL) {
			logger.error("Not serving a persisted document read on its first use: " + mismatch);
			return NOT_SERVED;
		}
		logger.warn("Serving despite a hash mismatch: " + mismatch);
		return text;
	}

}
