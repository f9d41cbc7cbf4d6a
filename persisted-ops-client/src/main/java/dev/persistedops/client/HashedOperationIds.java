package dev.persistedops.client;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.persistedops.document.HashAlgorithm;

import org.springframework.util.Assert;

/**
 * Ids computed from the exact text of a document with a digest, with an optional prefix
 * ({@code sha256:} for {@code documentId}, {@code <client>/} for {@code operationId}).
 * Each text is hashed once: ids are cached, up to a bound, so documents built at run time
 * cannot fill the memory.
 */
public final class HashedOperationIds implements OperationIds {

	static final int MAXIMUM_CACHED = 2048;

	private final HashAlgorithm algorithm;

	private final String prefix;

	private final Map<String, String> cache = new ConcurrentHashMap<>();

	public HashedOperationIds(HashAlgorithm algorithm, String prefix) {
		Assert.notNull(algorithm, "algorithm is required");
		Assert.notNull(prefix, "prefix is required");
		this.algorithm = algorithm;
		this.prefix = prefix;
	}

	@Override
	public String idOf(String document) {
		String id = this.cache.get(document);
		if (id == null) {
			id = this.prefix + this.algorithm.hex(document);
			if (this.cache.size() < MAXIMUM_CACHED) {
				this.cache.put(document, id);
			}
		}
		return id;
	}

	int cachedCount() {
		return this.cache.size();
	}

}
