package dev.persistedops.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import dev.persistedops.document.OperationId;

import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.util.Assert;

/**
 * Keeps requests from waiting on a remote store (Redis, Azure Blob) that is slow or down.
 * Lookups and saves alike are calls to the store:
 * <ul>
 * <li><b>Timeout</b>: a call starts on a small scheduler of its own, never on the
 * caller's thread, and the caller gets {@link StoreUnavailableException} after the
 * timeout. The call itself is left to end on its own (the store's client has timeouts
 * too), so that a late answer or failure is taken in here rather than dropped.</li>
 * <li><b>Outages</b>: the delegate's {@code StoreUnavailableException}, or a timeout,
 * opens an {@link OutageGate}: calls then fail at once, but for one probe per retry
 * interval. The first failure is logged as a warning of one line, the recovery once.</li>
 * <li><b>Concurrency limit</b>: at most {@code maxConcurrentCalls} calls are in flight
 * until they end, however long the callers waited; more fail at once.</li>
 * <li><b>Connecting</b>: {@link #startConnecting()} opens the connection in the
 * background when the application starts. Calls made meanwhile wait for it within their
 * timeout, and one that times out while the connection is still being opened does not
 * count as an outage.</li>
 * </ul>
 * It holds no documents: put a {@link CachingOperationDocumentStore} in front of it so
 * that cached documents keep being served through an outage. What it sees of the store
 * (each lookup's result and duration, outages, the last failure) it reports to a
 * {@link RemoteStoreMonitor}.
 */
public class ResilientOperationDocumentStore implements WritableOperationDocumentStore, AutoCloseable {

	private static final Log logger = LogFactory.getLog(ResilientOperationDocumentStore.class);

	private static final Consumer<RemoteLookupResult> NOT_A_LOOKUP = (result) -> {
	};

	private final WritableOperationDocumentStore delegate;

	private final Duration timeout;

	private final OutageGate gate;

	private final Semaphore calls;

	private final ThreadPoolExecutor executor;

	private final Scheduler scheduler;

	private final RemoteStoreMonitor monitor;

	private final Clock clock;

	private volatile CompletableFuture<Void> connection = CompletableFuture.completedFuture(null);

	/**
	 * Create a resilient store in front of the given remote store.
	 * @param delegate the remote store
	 * @param settings the timeout, retry interval and concurrency limit
	 */
	public ResilientOperationDocumentStore(WritableOperationDocumentStore delegate, Settings settings) {
		this(delegate, settings, new RemoteStoreMonitor("remote"));
	}

	/**
	 * Create a resilient store in front of the given remote store.
	 * @param delegate the remote store
	 * @param settings the timeout, retry interval and concurrency limit
	 * @param monitor where lookups, failures and outages are reported
	 */
	public ResilientOperationDocumentStore(WritableOperationDocumentStore delegate, Settings settings,
			RemoteStoreMonitor monitor) {
		this(delegate, settings, monitor, Clock.systemUTC());
	}

	ResilientOperationDocumentStore(WritableOperationDocumentStore delegate, Settings settings, Clock clock) {
		this(delegate, settings, new RemoteStoreMonitor("remote"), clock);
	}

	ResilientOperationDocumentStore(WritableOperationDocumentStore delegate, Settings settings,
			RemoteStoreMonitor monitor, Clock clock) {
		Assert.notNull(delegate, "delegate is required");
		Assert.notNull(settings, "settings is required");
		Assert.notNull(monitor, "monitor is required");
		this.delegate = delegate;
		this.monitor = monitor;
		this.clock = clock;
		this.timeout = settings.timeout();
		this.gate = new OutageGate(settings.retryInterval(), clock);
		this.calls = new Semaphore(settings.maxConcurrentCalls());
		CustomizableThreadFactory threads = new CustomizableThreadFactory("persisted-ops-store-");
		threads.setDaemon(true);
		// Calls are bounded by the permits; the queue only holds those waiting for a
		// thread.
		this.executor = new ThreadPoolExecutor(8, 8, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
		this.executor.allowCoreThreadTimeOut(true);
		this.scheduler = Schedulers.fromExecutorService(this.executor, "persisted-ops-store");
		// Any failure of a check means the store did not answer: it counts as an outage.
		monitor
			.checkWith(() -> call(
					() -> this.delegate.check()
						.onErrorMap((ex) -> !(ex instanceof StoreUnavailableException),
								(ex) -> new StoreUnavailableException(String.valueOf(ex.getMessage()), ex)),
					NOT_A_LOOKUP));
	}

	/**
	 * Start opening the connection to the store in the background, so that the first
	 * request does not pay for it. It does not wait, and whatever happens (a store that
	 * is down, or slow to answer under load) neither fails nor opens the outage gate:
	 * calls made meanwhile wait for the connection within their timeout.
	 */
	public void startConnecting() {
		CompletableFuture<Void> connected = new CompletableFuture<>();
		this.connection = connected;
		Mono.defer(this.delegate::connect).subscribeOn(this.scheduler).subscribe(null, (ex) -> {
			logger.debug("Could not connect to the persisted document store; calls will try again", ex);
			connected.complete(null);
		}, () -> connected.complete(null));
	}

	@Override
	public Mono<String> findDocument(OperationId id) {
		return Mono.defer(() -> {
			long started = System.nanoTime();
			return call(() -> this.delegate.findDocument(id),
					(result) -> this.monitor.lookedUp(result, System.nanoTime() - started));
		});
	}

	@Override
	public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
		return call(() -> this.delegate.save(id, text, timeToLive), NOT_A_LOOKUP);
	}

	/**
	 * Call the store.
	 * @param operation the call
	 * @param ended told how the call ended (an answer with a value is a hit, an empty one
	 * a miss)
	 */
	private <T> Mono<T> call(Supplier<Mono<T>> operation, Consumer<RemoteLookupResult> ended) {
		return Mono.defer(() -> {
			// The permit is taken first: a probe let through the gate must reach the
			// store.
			if (!this.calls.tryAcquire()) {
				ended.accept(RemoteLookupResult.REJECTED);
				return Mono.error(unavailable("Too many calls are waiting for the document store", null));
			}
			Instant started = this.gate.tryEnter();
			if (started == null) {
				this.calls.release();
				ended.accept(RemoteLookupResult.REJECTED);
				return Mono.error(unavailable("The document store failed recently; not asking it yet", null));
			}
			CompletableFuture<Void> connection = this.connection;
			// A sink rather than a future: a failure after the caller gave up is kept,
			// not
			// reported as a dropped error.
			Sinks.One<T> result = Sinks.one();
			Mono.fromFuture(connection, true)
				.then(Mono.defer(operation))
				.subscribeOn(this.scheduler)
				.doFinally((signal) -> this.calls.release())
				.subscribe(result::tryEmitValue, result::tryEmitError, result::tryEmitEmpty);
			return result.asMono()
				.timeout(this.timeout)
				.doOnSuccess(
						(value) -> ended.accept((value != null) ? RemoteLookupResult.HIT : RemoteLookupResult.MISS))
				.doOnError((ex) -> ended
					.accept((ex instanceof TimeoutException) ? RemoteLookupResult.TIMEOUT : RemoteLookupResult.ERROR))
				.onErrorMap(TimeoutException.class,
						(ex) -> unavailable(connection.isDone()
								? "The document store did not answer within " + this.timeout.toMillis() + "ms"
								: "The connection to the document store is still being opened", null))
				.onErrorMap(RejectedExecutionException.class, (ex) -> unavailable("The document store is closed", ex))
				.onErrorMap(
						(ex) -> ex instanceof StoreUnavailableException unavailable
								&& unavailable.getRetryAfter() == null,
						(ex) -> unavailable(String.valueOf(ex.getMessage()), ex))
				.doOnSuccess((value) -> answered(started))
				.doOnError((ex) -> failed(started, ex, connection));
		});
	}

	private void failed(Instant started, Throwable ex, CompletableFuture<Void> connection) {
		if (!(ex instanceof StoreUnavailableException)) {
			// The store answered, with an error about this call only.
			answered(started);
		}
		else if (!connection.isDone()) {
			// Opening the connection is slow (a cold start under load): not an outage.
			this.gate.abandon(started);
		}
		else if (recordFailure(ex)) {
			logger.warn(
					"The persisted document store is unavailable (" + String.valueOf(ex.getMessage()).replace('\n', ' ')
							+ "); calls to it fail at once, but for one try every "
							+ this.gate.retryInterval().toMillis() + "ms");
			logger.debug("The persisted document store failed", ex);
		}
	}

	/**
	 * Record a failure of the store.
	 * @return {@code true} if it started an outage
	 */
	private boolean recordFailure(Throwable ex) {
		boolean outageStarted = this.gate.recordFailure();
		this.monitor.failed(this.clock.instant(), ex, outageStarted);
		return outageStarted;
	}

	private void answered(Instant started) {
		if (this.gate.recordSuccess(started)) {
			this.monitor.recovered();
			logger.info("The persisted document store answers again");
		}
	}

	private StoreUnavailableException unavailable(String message, @Nullable Throwable cause) {
		return new StoreUnavailableException(message, cause, this.gate.retryInterval());
	}

	@Override
	public Mono<Void> connect() {
		return this.delegate.connect();
	}

	@Override
	public Mono<Void> check() {
		return this.monitor.check();
	}

	/**
	 * Return what this store reports of its remote store.
	 */
	public RemoteStoreMonitor monitor() {
		return this.monitor;
	}

	@Override
	public boolean isShared() {
		return this.delegate.isShared();
	}

	/**
	 * Stop taking calls. Calls in flight are not interrupted but left to end (closing the
	 * store's client ends them), so that their failures are taken in here rather than
	 * reported as dropped errors.
	 */
	@Override
	public void close() {
		this.executor.shutdown();
	}

	/**
	 * How the store treats a remote store that does not answer.
	 *
	 * @param timeout how long a call to the remote store (a lookup or a save) may take
	 * @param retryInterval how long calls fail at once after an outage
	 * @param maxConcurrentCalls the most remote calls in flight at once
	 */
	public record Settings(Duration timeout, Duration retryInterval, int maxConcurrentCalls) {

		public Settings {
			Assert.isTrue(CachingOperationDocumentStore.Settings.isPositive(timeout),
					"The store timeout must be positive");
			Assert.isTrue(retryInterval != null && !retryInterval.isNegative(),
					"The store retry interval must not be negative");
			Assert.isTrue(maxConcurrentCalls > 0, "The store's maximum concurrent calls must be positive");
		}

	}

}
