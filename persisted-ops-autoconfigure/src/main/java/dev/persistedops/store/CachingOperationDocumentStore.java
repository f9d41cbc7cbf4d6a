package dev.persistedops.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeoutException;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;

import org.springframework.util.Assert;

/**
 * A local cache in front of a remote store (Redis, Azure Blob), so that a persisted request
 * costs a remote call once per document rather than once per request.
 * <ul>
 * <li><b>Documents</b> are cached by id, bounded both by entry count and by bytes: each entry
 * weighs at least {@code maximumBytes / maximumSize}, so neither bound can be exceeded.
 * Documents are content-addressed and immutable, so an entry never goes stale.</li>
 * <li><b>Single-flight</b>: concurrent lookups of an id not yet cached share one remote call,
 * whether it finds the document or not.</li>
 * <li><b>Absent ids</b> are remembered in a separate cache, bounded and short-lived, so a flood
 * of unknown ids neither evicts real documents nor asks the remote store again and again.</li>
 * <li><b>Outages</b>: a lookup that takes longer than the timeout fails with
 * {@link StoreUnavailableException}, and for the {@link OutageGate retry interval} after a
 * failure, lookups of ids not cached fail at once. Cached documents keep being served.</li>
 * </ul>
 */
public class CachingOperationDocumentStore implements WritableOperationDocumentStore {

	private final WritableOperationDocumentStore delegate;

	private final AsyncCache<String, String> documents;

	private final Cache<String, Boolean> absent;

	private final Duration timeout;

	private final OutageGate gate;

	public CachingOperationDocumentStore(WritableOperationDocumentStore delegate, Settings settings) {
		Assert.notNull(delegate, "delegate is required");
		Assert.notNull(settings, "settings is required");
		this.delegate = delegate;
		long minimumWeight = Math.max(1, settings.maximumBytes() / settings.maximumSize());
		this.documents = Caffeine.newBuilder()
			.maximumWeight(settings.maximumBytes())
			.<String, String>weigher((id, text) -> (int) Math.min(Integer.MAX_VALUE,
					Math.max(minimumWeight, (long) text.length() * 2)))
			.buildAsync();
		this.absent = Caffeine.newBuilder()
			.maximumSize(settings.absentMaximumSize())
			.expireAfterWrite(settings.absentTimeToLive())
			.build();
		this.timeout = settings.timeout();
		this.gate = new OutageGate(settings.retryInterval());
	}

	@Override
	public Mono<String> findDocument(OperationId id) {
		String key = id.key();
		if (this.absent.getIfPresent(key) != null) {
			return Mono.empty();
		}
		// A shared future: one subscriber cancelling must not cancel the others' lookup.
		return Mono.fromFuture(() -> this.documents.get(key, (k, executor) -> load(id)), true);
	}

	private CompletableFuture<@Nullable String> load(OperationId id) {
		// A lookup can get here just after another one found the id absent: the miss is
		// recorded before that lookup's future completes, so looking again here is enough.
		if (this.absent.getIfPresent(id.key()) != null) {
			return CompletableFuture.completedFuture(null);
		}
		if (!this.gate.isOpen()) {
			return CompletableFuture.failedFuture(
					new StoreUnavailableException("The document store failed recently; not asking it yet"));
		}
		return Mono.defer(() -> this.delegate.findDocument(id))
			.timeout(this.timeout)
			.onErrorMap(TimeoutException.class, (ex) -> new StoreUnavailableException(
					"The document store did not answer within " + this.timeout, ex))
			.doOnError((ex) -> this.gate.recordFailure())
			.doOnSuccess((text) -> {
				this.gate.recordSuccess();
				if (text == null) {
					this.absent.put(id.key(), Boolean.TRUE);
				}
			})
			.toFuture();
	}

	@Override
	public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
		return this.delegate.save(id, text, timeToLive).doOnNext((outcome) -> {
			if (outcome != SaveOutcome.CONFLICT) {
				this.absent.invalidate(id.key());
			}
		});
	}

	/**
	 * Return how many documents are cached.
	 */
	public long cachedDocuments() {
		this.documents.synchronous().cleanUp();
		return this.documents.synchronous().estimatedSize();
	}

	/**
	 * Return how many ids are remembered as absent.
	 */
	public long cachedAbsentIds() {
		this.absent.cleanUp();
		return this.absent.estimatedSize();
	}

	/**
	 * Return the approximate number of bytes the cached documents take.
	 */
	public long cachedBytes() {
		return this.documents.synchronous()
			.asMap()
			.values()
			.stream()
			.mapToLong((text) -> text.getBytes(StandardCharsets.UTF_16LE).length)
			.sum();
	}

	/**
	 * How the cache is bounded and how it treats a remote store that does not answer.
	 *
	 * @param maximumSize the most documents cached
	 * @param maximumBytes the most bytes of document text cached (as held in memory)
	 * @param absentMaximumSize the most ids remembered as absent
	 * @param absentTimeToLive how long an id is remembered as absent
	 * @param timeout how long a remote lookup may take
	 * @param retryInterval how long lookups of ids not cached fail at once after a failure
	 */
	public record Settings(long maximumSize, long maximumBytes, long absentMaximumSize, Duration absentTimeToLive,
			Duration timeout, Duration retryInterval) {

		public Settings {
			Assert.isTrue(maximumSize > 0, "maximumSize must be positive");
			Assert.isTrue(maximumBytes > 0, "maximumBytes must be positive");
			Assert.isTrue(absentMaximumSize > 0, "absentMaximumSize must be positive");
			Assert.notNull(absentTimeToLive, "absentTimeToLive is required");
			Assert.notNull(timeout, "timeout is required");
			Assert.notNull(retryInterval, "retryInterval is required");
		}

	}

}
