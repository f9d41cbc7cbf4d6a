package dev.persistedops.store;

import java.time.Duration;

import dev.persistedops.store.memory.BoundedInMemoryOperationDocumentStore;

import org.springframework.util.Assert;

/**
 * Where documents registered while the application runs (automatic persisted queries, the
 * publishing endpoints) are written, and where lookups find them next to the configured
 * documents: the remote store (Redis, Azure Blob) when there is one; otherwise a bounded
 * in-memory store consulted after the configured one.
 *
 * @param lookups the store to look documents up in
 * @param registrations the store to write registered documents to
 */
public record DocumentRegistry(OperationDocumentStore lookups, WritableOperationDocumentStore registrations) {

	public DocumentRegistry {
		Assert.notNull(lookups, "lookups is required");
		Assert.notNull(registrations, "registrations is required");
	}

	/**
	 * Return the registry over the configured store.
	 * @param store the configured store
	 * @param memory the bounds of the in-memory store used when the configured store is not remote
	 */
	public static DocumentRegistry over(OperationDocumentStore store, MemorySettings memory) {
		if (store instanceof CachingOperationDocumentStore remote) {
			return new DocumentRegistry(remote, remote);
		}
		LayeredOperationDocumentStore layered = new LayeredOperationDocumentStore(store,
				new BoundedInMemoryOperationDocumentStore(memory.maximumSize(), memory.maximumBytes(),
						memory.timeToLive()));
		return new DocumentRegistry(layered, layered);
	}

	/**
	 * The bounds of registrations kept in memory.
	 *
	 * @param maximumSize the most registrations kept
	 * @param maximumBytes the most bytes of registrations kept
	 * @param timeToLive how long a registration is kept
	 */
	public record MemorySettings(long maximumSize, long maximumBytes, Duration timeToLive) {
	}

}
