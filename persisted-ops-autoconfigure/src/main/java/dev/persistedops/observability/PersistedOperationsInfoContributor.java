package dev.persistedops.observability;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.persistedops.store.CachingOperationDocumentStore;
import dev.persistedops.store.ListableOperationDocumentStore;
import dev.persistedops.store.OperationDocumentStore;

import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.util.Assert;

/**
 * Adds {@code persistedOperations} to Actuator's {@code info}: the store, the enforcement
 * mode, and how many documents the store holds (files, manifests) or caches locally
 * (Redis, Azure Blob).
 */
public class PersistedOperationsInfoContributor implements InfoContributor {

	private final String storeType;

	private final String mode;

	private final OperationDocumentStore store;

	/**
	 * Create the contributor.
	 * @param storeType the type of the store ({@code filesystem}, {@code redis}, ...)
	 * @param mode the enforcement mode
	 * @param store the configured store
	 */
	public PersistedOperationsInfoContributor(String storeType, String mode, OperationDocumentStore store) {
		Assert.hasText(storeType, "storeType is required");
		Assert.hasText(mode, "mode is required");
		Assert.notNull(store, "store is required");
		this.storeType = storeType;
		this.mode = mode;
		this.store = store;
	}

	@Override
	public void contribute(Info.Builder builder) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("store", this.storeType);
		details.put("mode", this.mode);
		if (this.store instanceof ListableOperationDocumentStore listable) {
			// A store not listed yet is not listed for a poll of the info endpoint.
			details.put("documents", listable.isListed() ? listable.documents().size() : "not listed yet");
		}
		else if (this.store instanceof CachingOperationDocumentStore remote) {
			details.put("cachedDocuments", remote.cachedDocuments());
		}
		builder.withDetail("persistedOperations", details);
	}

}
