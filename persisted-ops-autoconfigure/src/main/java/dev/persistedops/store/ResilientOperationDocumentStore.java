package dev.persistedops.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import dev.persistedops.document.OperationId;

import org.springframework.util.Assert;

/**
 * Keeps requests from waiting on a remote store (Redis, Azure Blob) that is slow or down.
 * <ul>
 * <li><b>Timeout</b>: a lookup starts on a small scheduler of its own, never on the
 * caller's thread, and fails with {@link StoreUnavailableException} after the
 * timeout.</li>
 * <li><b>Outages</b>: the delegate's {@code StoreUnavailableException}, or a timeout,
 * opens an {@link OutageGate}: lookups then fail at once, but for one probe per retry
 * interval.</li>
 * <li><b>Concurrency limit</b>: at most {@code maxConcurrentLookups} lookups are in
 * flight; more fail at once.</li>
 * </ul>
 * It holds no documents: put a {@link CachingOperationDocumentStore} in front of it so
 * that cached documents keep being served through an outage.
 */
public class ResilientOperationDocumentStore implements WritableOperationDocumentStore, AutoCloseable {

	private static final Log logger = LogFactory.getLog(ResilientOperationDocumentStore.class);

	private final WritableOperationDocumentStore delegate;

	private final Duration timeout;

	private final OutageGate gate;

	private final Semaphore lookups;

	private final Scheduler scheduler;

	/**
	 * Create a resilient store in front of the given remote store.
	 * @param delegate the remote store
	 * @param settings the timeout, retry interval and concurrency limit
	 */
	public ResilientOperationDocumentStore(WritableOperationDocumentStore delegate, Settings settings) {
		this(delegate, settings, Clock.systemUTC());
	}

	ResilientOperationDocumentStore(WritableOperationDocumentStore delegate, Settings settings, Clock clock) {
		Assert.notNull(delegate, "delegate is required");
		Assert.notNull(settings, "settings is required");
		this.delegate = delegate;
		this.timeout = settings.timeout();
		this.gate = new OutageGate(settings.retryInterval(), clock);
		this.lookups = new Semaphore(settings.maxConcurrentLookups());
		this.scheduler = Schedulers.newBoundedElastic(8, 100_000, "persisted-ops-store", 60, true);
	}

	@Override
	public Mono<String> findDocument(OperationId id) {
		return Mono.defer(() -> {
			Instant started = this.gate.tryEnter();
			if (started == null) {
				return Mono
					.error(new StoreUnavailableException("The document store failed recently; not asking it yet"));
			}
			if (!this.lookups.tryAcquire()) {
				return Mono.error(new StoreUnavailableException("Too many lookups are waiting for the document store"));
			}
			return Mono.defer(() -> this.delegate.findDocument(id))
				.subscribeOn(this.scheduler)
				.timeout(this.timeout)
				.onErrorMap(TimeoutException.class,
						(ex) -> new StoreUnavailableException(
								"The document store did not answer within " + this.timeout, ex))
				.doOnSuccess((text) -> answered(started))
				.doOnError((ex) -> {
					if (!(ex instanceof StoreUnavailableException)) {
						answered(started);
					}
					else if (this.gate.recordFailure()) {
						logger.warn("The persisted document store is unavailable: lookups of documents not cached "
								+ "fail at once, but for one try each retry interval (" + ex.getMessage() + ")");
					}
				})
				.doFinally((signal) -> this.lookups.release());
		});
	}

	private void answered(Instant started) {
		if (this.gate.recordSuccess(started)) {
			logger.info("The persisted document store answers again");
		}
	}

	@Override
	public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
		return this.delegate.save(id, text, timeToLive);
	}

	@Override
	public boolean isShared() {
		return this.delegate.isShared();
	}

	@Override
	public void close() {
		this.scheduler.dispose();
	}

	/**
	 * How the store treats a remote store that does not answer.
	 *
	 * @param timeout how long a remote lookup may take
	 * @param retryInterval how long lookups fail at once after an outage
	 * @param maxConcurrentLookups the most remote lookups in flight at once
	 */
	public record Settings(Duration timeout, Duration retryInterval, int maxConcurrentLookups) {

		public Settings {
			Assert.isTrue(CachingOperationDocumentStore.Settings.isPositive(timeout),
					"The store timeout must be positive");
			Assert.isTrue(retryInterval != null && !retryInterval.isNegative(),
					"The store retry interval must not be negative");
			Assert.isTrue(maxConcurrentLookups > 0, "The store's maximum concurrent lookups must be positive");
		}

	}

}
