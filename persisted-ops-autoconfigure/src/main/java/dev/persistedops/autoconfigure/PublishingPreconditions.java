package dev.persistedops.autoconfigure;

import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.DocumentRegistry;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.WritableOperationDocumentStore;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * What publishing needs from the configuration, each refused with the property to fix.
 */
final class PublishingPreconditions {

	private PublishingPreconditions() {
	}

	/**
	 * Return the store that deploy-time publishing writes to.
	 * @throws InvalidConfigurationPropertyValueException if it cannot be written to
	 */
	static WritableOperationDocumentStore writableStore(OperationDocumentStore store) {
		if (!(store instanceof WritableOperationDocumentStore writable)) {
			throw new InvalidConfigurationPropertyValueException("persisted-ops.publish.enabled", true,
					"The document store (" + store.getClass().getSimpleName() + ") cannot be written to; "
							+ "publish into a remote store, with " + StoreProperties.TYPE + "=redis or azure-blob");
		}
		return writable;
	}

	/**
	 * Return the documents deploy-time publishing loaded.
	 * @throws InvalidConfigurationPropertyValueException if there are none
	 */
	static DocumentCatalog documentsToPublish(DocumentCatalog documents) {
		if (documents.size() == 0) {
			throw new InvalidConfigurationPropertyValueException(PublishProperties.FILESYSTEM_LOCATIONS, null,
					"No documents to publish: set " + PublishProperties.FILESYSTEM_LOCATIONS + " or "
							+ PublishProperties.MANIFEST_LOCATIONS + " to where the client build exports them");
		}
		return documents;
	}

	/**
	 * Return the store that a publishing endpoint writes to, which must be shared: every
	 * instance must find what a client build publishes, for good, and memory is neither.
	 * @param registry the registry over the configured store
	 * @param feature what needs it, for the message
	 * @param type the configured store type
	 * @throws InvalidConfigurationPropertyValueException if the configured store is not
	 * shared
	 */
	static WritableOperationDocumentStore sharedStore(DocumentRegistry registry, String feature, StoreType type) {
		if (!registry.isShared()) {
			throw new InvalidConfigurationPropertyValueException(StoreProperties.TYPE,
					type.name().toLowerCase().replace('_', '-'),
					feature + " stores operations that every instance " + "must find, so it needs a shared store: set "
							+ StoreProperties.TYPE + " to redis or azure-blob");
		}
		return registry.registrations();
	}

}
