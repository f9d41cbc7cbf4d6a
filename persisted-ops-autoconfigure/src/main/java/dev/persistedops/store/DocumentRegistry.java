package dev.persistedops.store;

import java.time.Duration;

import dev.persistedops.store.memory.BoundedInMemoryOperationDocumentStore;

import org.springframework.util.Assert;

/**
 * Where documents registered while the application runs (automatic persisted queries, the
 * publishing endpoints) are written, and where lookups find them next to the configured
 * documents: the configured store when it is a {@linkplain WritableOperationDocumentStore#isShared()
 * shared} one (Redis, Azure Blob); otherwise a bounded in-memory store consulted after the
 * configured one, which only automatic persisted queries may use.
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
	 * @param memory the bounds of the in-memory store used when the configured store is not shared
	 */
	public static DocumentRegistry over(OperationDocumentStore store, MemorySettings memory) {
		if (store instanceof WritableOperationDocumentStore writable && writable.isShared()) {
			return new DocumentRegistry(writable, writable);
		}
		LayeredOperationDocumentStore layered = new LayeredOperationDocumentStore(store,
				new BoundedInMemoryOperationDocumentStore(memory.maximumSize(), memory.maximumBytes(),
						memory.timeToLive()));
		return new DocumentRegistry(layered, layered);
	}

	/**
	 * Return the store that operations published by client builds are written to, which must
	 * be shared: every instance must find them, for good, and the in-memory store is neither.
	 * @param feature what needs it, for the message
	 * @throws IllegalStateException if the configured store is not shared
	 */
	public WritableOperationDocumentStore sharedRegistrations(String feature) {
		if (!this.registrations.isShared()) {
			throw new IllegalStateException(feature + " stores operations that every instance must find, so it needs "
					+ "a shared store: set persisted-ops.store.type to redis or azure-blob");
		}
		return this.registrations;
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
