package dev.persistedops.store;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;

import org.springframework.util.Assert;

/**
 * A local cache in front of a remote store (Redis, Azure Blob), so that a persisted
 * request costs a remote call once per document rather than once per request. It only
 * caches; timeouts and outages are the job of a {@link ResilientOperationDocumentStore}
 * behind it.
 * <ul>
 * <li><b>Documents</b> are cached by id, bounded both by entry count and by bytes (see
 * {@link DocumentWeigher}). An id never changes its text (a save never overwrites), so an
 * entry does not go stale; a document deleted or expired in the remote store is still
 * served from here until it is evicted or its {@code timeToLive} runs out.</li>
 * <li><b>Single-flight</b>: concurrent lookups of an id not yet cached share one remote
 * call, whether it finds the document or not.</li>
 * <li><b>Absent ids</b> are remembered in a separate cache, bounded and short-lived, so a
 * flood of unknown ids neither evicts real documents nor asks the remote store again and
 * again.</li>
 * </ul>
 * A failed lookup is not cached: the next lookup of that id asks again.
 */
public class CachingOperationDocumentStore implements WritableOperationDocumentStore, AutoCloseable {

	private final WritableOperationDocumentStore delegate;

	private final AsyncCache<String, String> documents;

	private final Cache<String, Boolean> absent;

	private final AtomicLong saves = new AtomicLong();

	/**
	 * Create a cache in front of the given store.
	 * @param delegate the remote store
	 * @param settings how the cache is bounded
	 */
	public CachingOperationDocumentStore(WritableOperationDocumentStore delegate, Settings settings) {
		this(delegate, settings, Ticker.systemTicker());
	}

	CachingOperationDocumentStore(WritableOperationDocumentStore delegate, Settings settings, Ticker ticker) {
		Assert.notNull(delegate, "delegate is required");
		Assert.notNull(settings, "settings is required");
		Assert.notNull(ticker, "ticker is required");
		this.delegate = delegate;
		Caffeine<Object, Object> documents = Caffeine.newBuilder()
			.ticker(ticker)
			.maximumWeight(settings.maximumBytes());
		if (settings.timeToLive() != null) {
			documents.expireAfterWrite(settings.timeToLive());
		}
		this.documents = documents.weigher(DocumentWeigher.bounding(settings.maximumSize(), settings.maximumBytes()))
			.buildAsync();
		this.absent = Caffeine.newBuilder()
			.ticker(ticker)
			.maximumSize(settings.absentMaximumSize())
			.expireAfterWrite(settings.absentTimeToLive())
			.build();
	}

	@Override
	public Mono<String> findDocument(OperationId id) {
		String key = id.key();
		CompletableFuture<String> known = this.documents.getIfPresent(key);
		if (known == null && this.absent.getIfPresent(key) != null) {
			return Mono.empty();
		}
		if (known != null) {
			return Mono.fromFuture(known, true);
		}
		// A shared future: one subscriber cancelling must not cancel the others' lookup.
		return Mono.fromFuture(() -> this.documents.get(key, (k, executor) -> load(id)), true);
	}

	private CompletableFuture<? extends @Nullable String> load(OperationId id) {
		// A lookup can get here just after another one found the id absent: the miss
		// is recorded before that lookup's future completes, so looking again here is
		// enough.
		if (this.absent.getIfPresent(id.key()) != null) {
			return CompletableFuture.completedFuture(null);
		}
		long savesBefore = this.saves.get();
		return Mono.defer(() -> this.delegate.findDocument(id)).doOnSuccess((text) -> {
			// A save since this lookup began stored the document: it is not absent.
			if (text == null && this.saves.get() == savesBefore) {
				this.absent.put(id.key(), Boolean.TRUE);
			}
		}).toFuture();
	}

	@Override
	public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
		return this.delegate.save(id, text, timeToLive).doOnNext((outcome) -> {
			if (outcome != SaveOutcome.CONFLICT) {
				this.saves.incrementAndGet();
				this.documents.put(id.key(), CompletableFuture.completedFuture(text));
				this.absent.invalidate(id.key());
			}
		});
	}

	@Override
	public boolean isShared() {
		return this.delegate.isShared();
	}

	/**
	 * Return how many documents are cached.
	 */
	public long cachedDocuments() {
		this.documents.synchronous().cleanUp();
		return this.documents.synchronous().estimatedSize();
	}

	/**
	 * Return the total weight of the cached documents, which the byte bound limits.
	 */
	public long cachedWeight() {
		this.documents.synchronous().cleanUp();
		return this.documents.synchronous().policy().eviction().orElseThrow().weightedSize().orElse(0);
	}

	/**
	 * Return how many ids are remembered as absent.
	 */
	public long cachedAbsentIds() {
		this.absent.cleanUp();
		return this.absent.estimatedSize();
	}

	/**
	 * Close the store behind the cache, if it holds resources.
	 */
	@Override
	public void close() {
		if (this.delegate instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not close " + this.delegate, ex);
			}
		}
	}

	/**
	 * How the cache is bounded.
	 *
	 * @param maximumSize the most documents cached
	 * @param maximumBytes the most bytes of cached documents (as held in memory)
	 * @param timeToLive how long a document stays cached, or {@code null} until evicted
	 * @param absentMaximumSize the most ids remembered as absent
	 * @param absentTimeToLive how long an id is remembered as absent
	 */
	public record Settings(long maximumSize, long maximumBytes, @Nullable Duration timeToLive, long absentMaximumSize,
			Duration absentTimeToLive) {

		public Settings {
			DocumentWeigher.bounding(maximumSize, maximumBytes);
			Assert.isTrue(timeToLive == null || isPositive(timeToLive), "The cache's time to live must be positive");
			Assert.isTrue(absentMaximumSize > 0, "The absent-id cache's maximum size must be positive");
			Assert.isTrue(isPositive(absentTimeToLive), "The absent-id cache's time to live must be positive");
		}

		static boolean isPositive(@Nullable Duration duration) {
			return duration != null && !duration.isNegative() && !duration.isZero();
		}

	}

}
