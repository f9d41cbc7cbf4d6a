package dev.persistedops.store;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import dev.persistedops.document.OperationId;

import org.springframework.util.Assert;

/**
 * A local cache in front of a remote store (Redis, Azure Blob), so that a persisted request
 * costs a remote call once per document rather than once per request.
 * <ul>
 * <li><b>Documents</b> are cached by id, bounded both by entry count and by bytes: each entry
 * weighs its key and text (two bytes a character) plus a fixed overhead, and at least
 * {@code maximumBytes / maximumSize}, so neither bound can be exceeded. An id never changes its
 * text (a save never overwrites), so an entry does not go stale; a document deleted or expired
 * in the remote store is still served from here until it is evicted or its
 * {@code timeToLive} runs out.</li>
 * <li><b>Single-flight</b>: concurrent lookups of an id not yet cached share one remote call,
 * whether it finds the document or not.</li>
 * <li><b>Absent ids</b> are remembered in a separate cache, bounded and short-lived, so a flood
 * of unknown ids neither evicts real documents nor asks the remote store again and again.</li>
 * <li><b>Outages</b>: the remote call starts on a small scheduler of its own, never on the
 * caller's thread, and fails with {@link StoreUnavailableException} after the timeout. An
 * outage (the delegate's {@code StoreUnavailableException}, or a timeout) opens an
 * {@link OutageGate}: lookups of ids not cached then fail at once, but for one probe per retry
 * interval. At most {@code maxConcurrentLookups} remote calls are in flight. Cached documents
 * keep being served throughout.</li>
 * </ul>
 */
public class CachingOperationDocumentStore implements WritableOperationDocumentStore, AutoCloseable {

	private static final Log logger = LogFactory.getLog(CachingOperationDocumentStore.class);

	/** What a cache entry costs beyond its key and text: node, future, references. */
	private static final long ENTRY_OVERHEAD = 160;

	private final WritableOperationDocumentStore delegate;

	private final AsyncCache<String, String> documents;

	private final Cache<String, Boolean> absent;

	private final Duration timeout;

	private final OutageGate gate;

	private final Semaphore lookups;

	private final Scheduler scheduler;

	private final AtomicLong saves = new AtomicLong();

	public CachingOperationDocumentStore(WritableOperationDocumentStore delegate, Settings settings) {
		Assert.notNull(delegate, "delegate is required");
		Assert.notNull(settings, "settings is required");
		this.delegate = delegate;
		long minimumWeight = settings.maximumBytes() / settings.maximumSize();
		Caffeine<Object, Object> documents = Caffeine.newBuilder().maximumWeight(settings.maximumBytes());
		if (settings.timeToLive() != null) {
			documents.expireAfterWrite(settings.timeToLive());
		}
		this.documents = documents.<String, String>weigher((id, text) -> (int) Math.min(Integer.MAX_VALUE,
				Math.max(minimumWeight, 2L * (id.length() + text.length()) + ENTRY_OVERHEAD)))
			.buildAsync();
		this.absent = Caffeine.newBuilder()
			.maximumSize(settings.absentMaximumSize())
			.expireAfterWrite(settings.absentTimeToLive())
			.build();
		this.timeout = settings.timeout();
		this.gate = new OutageGate(settings.retryInterval());
		this.lookups = new Semaphore(settings.maxConcurrentLookups());
		this.scheduler = Schedulers.newBoundedElastic(8, 100_000, "persisted-ops-store", 60, true);
	}

	@Override
	public Mono<String> findDocument(OperationId id) {
		String key = id.key();
		CompletableFuture<String> known = this.documents.getIfPresent(key);
		if (known == null && this.absent.getIfPresent(key) != null) {
			return Mono.empty();
		}
		// A shared future: one subscriber cancelling must not cancel the others' lookup.
		return Mono.fromFuture(() -> (known != null) ? known : this.documents.get(key, (k, executor) -> load(id)),
				true);
	}

	private CompletableFuture<@Nullable String> load(OperationId id) {
		// A lookup can get here just after another one found the id absent: the miss is
		// recorded before that lookup's future completes, so looking again here is enough.
		if (this.absent.getIfPresent(id.key()) != null) {
			return CompletableFuture.completedFuture(null);
		}
		Instant started = this.gate.tryEnter();
		if (started == null) {
			return CompletableFuture.failedFuture(
					new StoreUnavailableException("The document store failed recently; not asking it yet"));
		}
		if (!this.lookups.tryAcquire()) {
			return CompletableFuture.failedFuture(
					new StoreUnavailableException("Too many lookups are waiting for the document store"));
		}
		long savesBefore = this.saves.get();
		return Mono.defer(() -> this.delegate.findDocument(id))
			.subscribeOn(this.scheduler)
			.timeout(this.timeout)
			.onErrorMap(TimeoutException.class, (ex) -> new StoreUnavailableException(
					"The document store did not answer within " + this.timeout, ex))
			.doOnSuccess((text) -> {
				answered(started);
				// A save since this lookup began stored the document: it is not absent.
				if (text == null && this.saves.get() == savesBefore) {
					this.absent.put(id.key(), Boolean.TRUE);
				}
			})
			.doOnError((ex) -> {
				if (!(ex instanceof StoreUnavailableException)) {
					answered(started);
				}
				else if (this.gate.recordFailure()) {
					logger.warn("The persisted document store is unavailable: lookups of documents not cached "
							+ "fail at once, but for one try each retry interval (" + ex.getMessage() + ")");
				}
			})
			.doFinally((signal) -> this.lookups.release())
			.toFuture();
	}

	private void answered(Instant started) {
		if (this.gate.recordSuccess(started)) {
			logger.info("The persisted document store answers again");
		}
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

	/**
	 * A remote store is shared by every instance.
	 */
	@Override
	public boolean isShared() {
		return true;
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

	@Override
	public void close() {
		this.scheduler.dispose();
	}

	/**
	 * How the cache is bounded and how it treats a remote store that does not answer.
	 *
	 * @param maximumSize the most documents cached
	 * @param maximumBytes the most bytes of cached documents (as held in memory)
	 * @param timeToLive how long a document stays cached, or {@code null} until evicted
	 * @param absentMaximumSize the most ids remembered as absent
	 * @param absentTimeToLive how long an id is remembered as absent
	 * @param timeout how long a remote lookup may take
	 * @param retryInterval how long lookups of ids not cached fail at once after an outage
	 * @param maxConcurrentLookups the most remote lookups in flight at once
	 */
	public record Settings(long maximumSize, long maximumBytes, @Nullable Duration timeToLive, long absentMaximumSize,
			Duration absentTimeToLive, Duration timeout, Duration retryInterval, int maxConcurrentLookups) {

		public Settings {
			Assert.isTrue(maximumSize > 0, "The cache's maximum size must be positive");
			Assert.isTrue(maximumBytes > 0, "The cache's maximum bytes must be positive");
			Assert.isTrue(maximumBytes / maximumSize <= Integer.MAX_VALUE,
					"The cache's maximum bytes per entry (maximum bytes / maximum size) must be at most 2 GB");
			Assert.isTrue(timeToLive == null || isPositive(timeToLive), "The cache's time to live must be positive");
			Assert.isTrue(absentMaximumSize > 0, "The absent-id cache's maximum size must be positive");
			Assert.isTrue(isPositive(absentTimeToLive), "The absent-id cache's time to live must be positive");
			Assert.isTrue(isPositive(timeout), "The store timeout must be positive");
			Assert.isTrue(retryInterval != null && !retryInterval.isNegative(),
					"The store retry interval must not be negative");
			Assert.isTrue(maxConcurrentLookups > 0, "The store's maximum concurrent lookups must be positive");
		}

		private static boolean isPositive(@Nullable Duration duration) {
			return duration != null && !duration.isNegative() && !duration.isZero();
		}

	}

}
