package dev.persistedops.observability;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.jspecify.annotations.Nullable;

import dev.persistedops.execution.PersistedDocumentCache;
import dev.persistedops.store.CachingOperationDocumentStore;
import dev.persistedops.store.OperationDocumentStore;

import org.springframework.util.Assert;

/**
 * Binds the starter's local caches with Micrometer's Caffeine binder, so that their size,
 * hits, misses and evictions show up as {@code cache.*} meters tagged
 * {@code cache=}{@value #PARSED_DOCUMENTS} (parsed and validated documents) and, in front
 * of a remote store, {@value #REMOTE_DOCUMENTS} (documents) and {@value #ABSENT_IDS} (ids
 * remembered as absent).
 */
public final class PersistedOperationCacheMetrics {

	/** The name of the cache of parsed and validated documents. */
	public static final String PARSED_DOCUMENTS = "persisted-parsed-documents";

	/** The name of the local cache of a remote store's documents. */
	public static final String REMOTE_DOCUMENTS = "persisted-remote-documents";

	/** The name of the local cache of ids absent from a remote store. */
	public static final String ABSENT_IDS = "persisted-absent-ids";

	private final List<String> caches;

	/**
	 * Bind the caches.
	 * @param registry where the meters are registered
	 * @param parsed the cache of parsed documents
	 * @param store the configured store: its caches are bound if it caches a remote store
	 */
	public PersistedOperationCacheMetrics(MeterRegistry registry, PersistedDocumentCache parsed,
			@Nullable OperationDocumentStore store) {
		Assert.notNull(registry, "registry is required");
		Assert.notNull(parsed, "parsed is required");
		CaffeineCacheMetrics.monitor(registry, parsed.cache(), PARSED_DOCUMENTS);
		if (store instanceof CachingOperationDocumentStore remote) {
			CaffeineCacheMetrics.monitor(registry, remote.documentCache(), REMOTE_DOCUMENTS);
			CaffeineCacheMetrics.monitor(registry, remote.absentIdCache(), ABSENT_IDS);
			this.caches = List.of(PARSED_DOCUMENTS, REMOTE_DOCUMENTS, ABSENT_IDS);
		}
		else {
			this.caches = List.of(PARSED_DOCUMENTS);
		}
	}

	/**
	 * Return the names of the caches bound.
	 */
	public List<String> caches() {
		return this.caches;
	}

}
