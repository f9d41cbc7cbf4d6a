package dev.persistedops.store;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.util.Assert;

/**
 * What can be seen of a remote store (Redis, Azure Blob) from the
 * {@link ResilientOperationDocumentStore} in front of it: how each lookup ended and how
 * long it took (told to {@linkplain RemoteStoreListener listeners}), whether an outage is
 * going on, when and why the store last failed, and a check that asks the store now. It
 * holds no metrics and no documents itself; health indicators and meters read it.
 */
public final class RemoteStoreMonitor {

	private static final Log logger = LogFactory.getLog(RemoteStoreMonitor.class);

	private static final int MAXIMUM_CAUSE_LENGTH = 200;

	private final String storeType;

	private final List<RemoteStoreListener> listeners = new CopyOnWriteArrayList<>();

	private volatile boolean outage;

	private volatile @Nullable Failure lastFailure;

	private volatile Supplier<Mono<Void>> check = Mono::empty;

	/**
	 * Create a monitor.
	 * @param storeType the name of the kind of store, for health details and metric tags
	 * ({@code redis}, {@code azure-blob})
	 */
	public RemoteStoreMonitor(String storeType) {
		Assert.hasText(storeType, "storeType is required");
		this.storeType = storeType;
	}

	/**
	 * Return the name of the kind of store.
	 */
	public String storeType() {
		return this.storeType;
	}

	/**
	 * Tell the given listener of every lookup from now on.
	 */
	public void addListener(RemoteStoreListener listener) {
		Assert.notNull(listener, "listener is required");
		this.listeners.add(listener);
	}

	/**
	 * Whether the store is in an outage: it failed, and has not answered since. Lookups
	 * of documents that are not cached locally fail meanwhile.
	 */
	public boolean isOutage() {
		return this.outage;
	}

	/**
	 * Return the last failure of the store (a failed call or one that timed out), or
	 * {@code null} if it never failed.
	 */
	public @Nullable Failure lastFailure() {
		return this.lastFailure;
	}

	/**
	 * Ask the store now whether it answers, with the timeout, outage gate and concurrency
	 * limit of lookups: during an outage the check fails at once but for one probe per
	 * retry interval, and a check that succeeds ends the outage.
	 * @return completes when the store answered, fails otherwise
	 */
	public Mono<Void> check() {
		return Mono.defer(this.check);
	}

	void checkWith(Supplier<Mono<Void>> check) {
		this.check = check;
	}

	void lookedUp(RemoteLookupResult result, long nanos) {
		for (RemoteStoreListener listener : this.listeners) {
			try {
				listener.onLookup(result, nanos);
			}
			catch (RuntimeException ex) {
				logger.debug("Listener " + listener + " failed on a lookup that ended with " + result, ex);
			}
		}
	}

	void failed(Instant at, Throwable cause, boolean outageStarted) {
		String message = String.valueOf(cause.getMessage()).replace('\n', ' ');
		this.lastFailure = new Failure(at,
				(message.length() > MAXIMUM_CAUSE_LENGTH) ? message.substring(0, MAXIMUM_CAUSE_LENGTH) + "…" : message);
		if (outageStarted) {
			this.outage = true;
		}
	}

	void recovered() {
		this.outage = false;
	}

	/**
	 * A failure of the store.
	 *
	 * @param at when it happened
	 * @param message what failed, in one line (no stack trace)
	 */
	public record Failure(Instant at, String message) {

	}

}
