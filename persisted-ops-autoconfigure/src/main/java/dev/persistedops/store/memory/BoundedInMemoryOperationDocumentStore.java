package dev.persistedops.store.memory;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.DocumentWeigher;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.store.WritableOperationDocumentStore;

import org.springframework.util.Assert;

/**
 * A store held in memory and bounded by entry count, by bytes (see
 * {@link DocumentWeigher}) and by time, for documents that clients register at run time
 * (automatic persisted queries): entries expire after the time to live. A document is
 * never replaced by a different text while it is stored.
 */
public class BoundedInMemoryOperationDocumentStore implements WritableOperationDocumentStore {

	private final Cache<String, String> documents;

	/**
	 * Create a store.
	 * @param maximumSize the most documents kept
	 * @param maximumBytes the most bytes of documents kept (as held in memory)
	 * @param timeToLive how long a document is kept after it was saved
	 */
	public BoundedInMemoryOperationDocumentStore(long maximumSize, long maximumBytes, Duration timeToLive) {
		Assert.isTrue(timeToLive != null && !timeToLive.isNegative() && !timeToLive.isZero(),
				"timeToLive must be positive");
		this.documents = Caffeine.newBuilder()
			.maximumWeight(maximumBytes)
			.weigher(DocumentWeigher.bounding(maximumSize, maximumBytes))
			.expireAfterWrite(timeToLive)
			.build();
	}

	@Override
	public Mono<String> findDocument(OperationId id) {
		return Mono.justOrEmpty(this.documents.getIfPresent(id.key()));
	}

	/**
	 * Store a document; the time to live given at construction applies, not the one given
	 * here.
	 */
	@Override
	public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
		Assert.hasText(text, "text is required");
		return Mono.fromSupplier(() -> {
			String stored = this.documents.asMap().putIfAbsent(id.key(), text);
			if (stored == null) {
				return SaveOutcome.CREATED;
			}
			return stored.equals(text) ? SaveOutcome.UNCHANGED : SaveOutcome.CONFLICT;
		});
	}

	/**
	 * Return how many documents are stored.
	 */
	public long size() {
		this.documents.cleanUp();
		return this.documents.estimatedSize();
	}

	/**
	 * Return the total weight of the stored documents, which the byte bound limits.
	 */
	public long weight() {
		this.documents.cleanUp();
		return this.documents.policy().eviction().orElseThrow().weightedSize().orElse(0);
	}

}
