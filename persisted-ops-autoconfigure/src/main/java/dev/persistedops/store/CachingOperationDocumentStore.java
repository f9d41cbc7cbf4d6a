package dev.persistedops.store;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

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

	private final Cache<String, String> documents;

	private final Cache<String, Boolean> absent;

	/**
	 * The remote lookups in flight, by key, that concurrent lookups of the same id share.
	 * Kept here rather than as Caffeine's asynchronous loads, which log every failed load
	 * with its stack trace: in an outage, that is one per request.
	 */
	private final Map<String, Sinks.One<Optional<String>>> loads = new ConcurrentHashMap<>();

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
		// Statistics are recorded so that metrics can show hit ratios and evictions.
		Caffeine<Object, Object> documents = Caffeine.newBuilder()
			.ticker(ticker)
			.recordStats()
			.maximumWeight(settings.maximumBytes());
		if (settings.timeToLive() != null) {
			documents.expireAfterWrite(settings.timeToLive());
		}
		this.documents = documents.weigher(DocumentWeigher.bounding(settings.maximumSize(), settings.maximumBytes()))
			.build();
		this.absent = Caffeine.newBuilder()
			.ticker(ticker)
			.recordStats()
			.maximumSize(settings.absentMaximumSize())
			.expireAfterWrite(settings.absentTimeToLive())
			.build();
	}

	@Override
	public Mono<String> findDocument(OperationId id) {
		String key = id.key();
		String known = this.documents.getIfPresent(key);
		if (known != null) {
			return Mono.just(known);
		}
		if (this.absent.getIfPresent(key) != null) {
			return Mono.empty();
		}
		// A shared lookup: one subscriber cancelling must not cancel the others' lookup,
		// and its failure after they all gave up is kept rather than reported as dropped.
		return Mono.defer(() -> load(id).asMono()).flatMap(Mono::justOrEmpty);
	}

	private Sinks.One<Optional<String>> load(OperationId id) {
		String key = id.key();
		Sinks.One<Optional<String>> load = Sinks.one();
		Sinks.One<Optional<String>> inFlight = this.loads.putIfAbsent(key, load);
		if (inFlight != null) {
			return inFlight;
		}
		// A lookup of this id may have ended between the cache reads and here: its
		// outcome is recorded before it leaves the map, so reading again is enough.
		String known = this.documents.getIfPresent(key);
		if (known != null || this.absent.getIfPresent(key) != null) {
			this.loads.remove(key, load);
			load.tryEmitValue(Optional.ofNullable(known));
			return load;
		}
		long savesBefore = this.saves.get();
		Mono.defer(() -> this.delegate.findDocument(id))
			.map(Optional::of)
			.defaultIfEmpty(Optional.empty())
			.subscribe((text) -> {
				if (text.isPresent()) {
					this.documents.put(key, text.get());
				}
				else if (this.saves.get() == savesBefore) {
					// A save since this lookup began stored the document: it is not
					// absent.
					this.absent.put(key, Boolean.TRUE);
				}
				this.loads.remove(key, load);
				load.tryEmitValue(text);
			}, (ex) -> {
				// A failed lookup is not remembered: the next one asks again.
				this.loads.remove(key, load);
				load.tryEmitError(ex);
			});
		return load;
	}

	@Override
	public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
		return this.delegate.save(id, text, timeToLive).doOnNext((outcome) -> {
			if (outcome != SaveOutcome.CONFLICT) {
				this.saves.incrementAndGet();
				this.documents.put(id.key(), text);
				this.absent.invalidate(id.key());
			}
		});
	}

	@Override
	public Mono<Void> connect() {
		return this.delegate.connect();
	}

	@Override
	public Mono<Void> check() {
		return this.delegate.check();
	}

	@Override
	public boolean isShared() {
		return this.delegate.isShared();
	}

	/**
	 * Return how many documents are cached.
	 */
	public long cachedDocuments() {
		this.documents.cleanUp();
		return this.documents.estimatedSize();
	}

	/**
	 * Return the total weight of the cached documents, which the byte bound limits.
	 */
	public long cachedWeight() {
		this.documents.cleanUp();
		return this.documents.policy().eviction().orElseThrow().weightedSize().orElse(0);
	}

	/**
	 * Return how many ids are remembered as absent.
	 */
	public long cachedAbsentIds() {
		this.absent.cleanUp();
		return this.absent.estimatedSize();
	}

	/**
	 * Return the cache of documents, for metrics (its statistics are recorded).
	 */
	public Cache<String, String> documentCache() {
		return this.documents;
	}

	/**
	 * Return the cache of absent ids, for metrics (its statistics are recorded).
	 */
	public Cache<String, Boolean> absentIdCache() {
		return this.absent;
	}

	/**
	 * Return what the store behind the cache reports of the remote store, or {@code null}
	 * if it is not a {@link ResilientOperationDocumentStore}.
	 */
	public @Nullable RemoteStoreMonitor monitor() {
		return (this.delegate instanceof ResilientOperationDocumentStore resilient) ? resilient.monitor() : null;
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
