package dev.persistedops.autoconfigure;

import dev.persistedops.store.OperationDocumentStore;

/**
 * The types of document store, chosen with {@code persisted-ops.store.type}.
 */
public enum StoreType {

	/** Directories of {@code <id>.graphql} files. */
	FILESYSTEM,

	/** Relay / Strawberry Shake maps and Apollo persisted query manifests. */
	MANIFEST,

	/** An empty in-memory store that the application fills in code. */
	MEMORY,

	/** Redis, through the application's Spring Data Redis connection. */
	REDIS,

	/** Azure Blob Storage, through the Azure SDK. */
	AZURE_BLOB;

	/**
	 * Return the name of the type as configured ({@code azure-blob}), which health
	 * details, metric tags and the Actuator endpoint use.
	 */
	public String configName() {
		return name().toLowerCase().replace('_', '-');
	}

	/**
	 * Return where the documents of the given store come from, as the Actuator endpoint
	 * says it: {@code file}, {@code manifest}, {@code memory}, {@code redis},
	 * {@code azure-blob}, or {@code application} for a store of the application's own.
	 */
	static String documentSource(StoreType type, OperationDocumentStore store) {
		if (!store.getClass().getPackageName().startsWith("dev.persistedops.store")) {
			return "application";
		}
		return (type == FILESYSTEM) ? "file" : type.configName();
	}

}
