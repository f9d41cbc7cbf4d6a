package dev.persistedops.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.persistedops.document.HashEncoding;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.HashMismatchAction;
import dev.persistedops.store.ListableOperationDocumentStore;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.web.EnforcementMode;

import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Logs, once the application has started its beans, one INFO line that says what is in
 * force: the store and where its documents came from, how many there are, how ids are
 * hashed and checked, what invalid documents do, the enforcement mode, automatic
 * persisted queries, how many override beans there are, and which publishing is on. A
 * team reads it to know, from the log alone, that production enforces what it should.
 */
final class PersistedOperationsStartupSummary implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(PersistedOperationsStartupSummary.class);

	private final PersistedOperationsProperties properties;

	private final OperationDocumentStore store;

	private final int overrides;

	PersistedOperationsStartupSummary(PersistedOperationsProperties properties, OperationDocumentStore store,
			int overrides) {
		this.properties = properties;
		this.store = store;
		this.overrides = overrides;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (logger.isInfoEnabled()) {
			logger.info(summary());
		}
	}

	String summary() {
		PersistedOperationsProperties properties = this.properties;
		EnforcementMode mode = properties.enforcementMode();
		return "Persisted operations: " + store() + "; ids " + hashing() + "; documents checked against the schema "
				+ name(properties.getValidation().getMode()) + "; enforcement " + name(mode)
				+ (properties.isOnlyPersisted() ? " (from the deprecated persisted-ops.only-persisted)" : "")
				+ "; automatic persisted queries " + (properties.getApq().isEnabled() ? "on" : "off") + "; "
				+ this.overrides + ((this.overrides == 1) ? " override bean" : " override beans") + "; publishing "
				+ publishing();
	}

	private String store() {
		StoreProperties store = this.properties.getStore();
		if (!this.store.getClass().getPackageName().startsWith("dev.persistedops.store")) {
			return "the application's own store (" + this.store.getClass().getName() + ")";
		}
		// A store not listed yet would list its files to count them, which is what it
		// does not do at startup.
		String documents = (this.store instanceof ListableOperationDocumentStore listable && listable.isListed())
				? ", " + count(listable.documents().size()) : "";
		return switch (store.getType()) {
			case FILESYSTEM -> "filesystem store" + documents + " from " + store.getFilesystem().getLocations()
					+ filesRead() + reload();
			case MANIFEST -> "manifest store" + documents + " from " + store.getManifest().getLocations() + reload();
			case MEMORY -> "memory store (filled by the application)";
			case REDIS -> "redis store (key prefix '" + store.getRedis().getKeyPrefix() + "')";
			case AZURE_BLOB -> "azure-blob store (container '" + store.getAzureBlob().getContainer() + "'"
					+ (store.getAzureBlob().getBlobPrefix().isEmpty() ? ""
							: ", blob prefix '" + store.getAzureBlob().getBlobPrefix() + "'")
					+ ")";
		};
	}

	private String reload() {
		StoreProperties.Reload reload = this.properties.getStore().getReload();
		return reload.isEnabled()
				? ", reloaded when they change (looked at every " + LoggedDurations.print(reload.getInterval()) + ")"
				: "";
	}

	private static String count(int documents) {
		return documents + ((documents == 1) ? " document" : " documents");
	}

	private String hashing() {
		PersistedOperationsProperties.Hash hash = this.properties.getHash();
		String checked = (hash.getEncoding() == HashEncoding.HEX)
				? "hex digests checked as md5, sha1 or sha256 by length"
				: "hex digests checked by length, base64url ones as " + name(hash.getAlgorithm());
		if (hash.getOnMismatch() == HashMismatchAction.WARN) {
			return checked + ", a mismatch only warns";
		}
		return checked + ", a mismatch " + (readOnFirstUse() ? "is not served" : "fails startup");
	}

	private String filesRead() {
		if (!readOnFirstUse()) {
			return "";
		}
		return (this.store instanceof ListableOperationDocumentStore listable && !listable.isListed())
				? " (not listed at startup, each found by id and read on its first use)"
				: " (listed at startup, each read on its first use)";
	}

	/**
	 * Whether the store reads some of its files on their first use.
	 */
	private boolean readOnFirstUse() {
		return this.store instanceof DocumentCatalog catalog && catalog.readsOnFirstUse();
	}

	private String publishing() {
		List<String> on = new ArrayList<>();
		if (this.properties.getPublish().isEnabled()) {
			on.add("at startup");
		}
		if (this.properties.getRelay().isEnabled()) {
			on.add("relay endpoint " + this.properties.getRelay().getPath());
		}
		if (this.properties.getOperationStore().isEnabled()) {
			on.add("operation-store endpoint " + this.properties.getOperationStore().getPath());
		}
		return on.isEmpty() ? "off" : String.join(", ", on);
	}

	private static String name(Enum<?> value) {
		return value.name().toLowerCase().replace('_', '-');
	}

}
