package dev.persistedops.store;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;

/**
 * A store that documents can be saved into: by publishing at deploy time, and later by
 * automatic persisted queries and publishing endpoints. A stored document is never
 * replaced by a different text, so an id, once given out, always means the same document.
 */
public interface WritableOperationDocumentStore extends OperationDocumentStore {

	/**
	 * Store a document under the given id unless a different text is already stored
	 * there.
	 * @param id the id
	 * @param text the exact document text
	 * @param timeToLive how long the document is kept, or {@code null} to keep it
	 * @return what the save did
	 */
	Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive);

	/**
	 * Open the connection to the store ahead of the first call, so that no request pays
	 * for opening it. A remote store opens its connection here; others have nothing to
	 * open.
	 * @return completes when the connection is open, or fails if it cannot be opened
	 */
	default Mono<Void> connect() {
		return Mono.empty();
	}

	/**
	 * Ask the store whether it answers, for health checks: by default, by opening the
	 * connection (a {@code PING} for Redis). A store whose {@link #connect()} asks
	 * nothing of the remote side makes one small request here instead.
	 * @return completes when the store answered, fails if it did not
	 */
	default Mono<Void> check() {
		return connect();
	}

	/**
	 * Whether every instance of the application reads this store (Redis, Azure Blob), so
	 * that a document saved by one instance is found by all, and survives a restart.
	 */
	default boolean isShared() {
		return false;
	}

}
