package dev.persistedops.store;

import java.util.function.Supplier;

import org.springframework.util.Assert;

/**
 * Where documents registered while the application runs (automatic persisted queries, the
 * publishing endpoints) are written, and where lookups find them next to the configured
 * documents: the configured store when it is a
 * {@linkplain WritableOperationDocumentStore#isShared() shared} one (Redis, Azure Blob);
 * otherwise a local store, bounded, consulted after the configured one, which only
 * automatic persisted queries may use.
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
	 * @param localRegistrations creates the store registrations go to when the configured
	 * store is not shared
	 */
	public static DocumentRegistry over(OperationDocumentStore store,
			Supplier<? extends WritableOperationDocumentStore> localRegistrations) {
		if (store instanceof WritableOperationDocumentStore writable && writable.isShared()) {
			return new DocumentRegistry(writable, writable);
		}
		LayeredOperationDocumentStore layered = new LayeredOperationDocumentStore(store, localRegistrations.get());
		return new DocumentRegistry(layered, layered);
	}

	/**
	 * Whether registered documents reach every instance, and last: the configured store
	 * is shared. Operations published by client builds need that.
	 */
	public boolean isShared() {
		return this.registrations.isShared();
	}

}
