package dev.persistedops.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.SmartLifecycle;
import org.springframework.util.Assert;

/**
 * Reloads a {@link ReloadingDocumentStore} when its files change, polling them at a fixed
 * interval on a thread of its own. Polling reads only the files' attributes; the files
 * are read again only when those changed. A reload is verified as a whole (loading checks
 * the hashes; the verifier, the schema) and then served in one step. One that fails
 * leaves the previous documents serving and is logged once, as a warning, until the files
 * change again. Files that change while they are being read are read again at the next
 * poll, so a half-written set is never served.
 * <p>
 * Polling, rather than the JDK's {@code WatchService}: a watch is not recursive, does not
 * follow symbolic links (the files of a Kubernetes ConfigMap volume are links into a
 * folder swapped by renaming another link), misses changes on some network and container
 * file systems, and is itself polling on macOS; and a reload must read every file anyway
 * to verify the set as a whole.
 */
public final class DocumentReloader implements SmartLifecycle {

	private static final Log logger = LogFactory.getLog(DocumentReloader.class);

	private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	private final ReloadingDocumentStore store;

	private final Duration interval;

	private final Consumer<DocumentCatalog> verifier;

	private final List<DocumentReloadListener> listeners;

	/** The files as they were when last loaded, whether that load was served or not. */
	private @Nullable FileStamps loaded;

	private volatile @Nullable String failure;

	private final Object lifecycleMonitor = new Object();

	private @Nullable ScheduledExecutorService executor;

	/**
	 * Create a reloader.
	 * @param store the store to reload
	 * @param interval how often to look for changes
	 * @param verifier checks a reloaded catalog before it is served, throwing an
	 * exception that says why it must not be
	 */
	public DocumentReloader(ReloadingDocumentStore store, Duration interval, Consumer<DocumentCatalog> verifier) {
		this(store, interval, verifier, List.of());
	}

	/**
	 * Create a reloader that tells listeners what each look for changes came to.
	 * @param store the store to reload
	 * @param interval how often to look for changes
	 * @param verifier checks a reloaded catalog before it is served, throwing an
	 * exception that says why it must not be
	 * @param listeners told the outcome of every look
	 */
	public DocumentReloader(ReloadingDocumentStore store, Duration interval, Consumer<DocumentCatalog> verifier,
			List<DocumentReloadListener> listeners) {
		Assert.notNull(store, "store is required");
		Assert.notNull(listeners, "listeners is required");
		this.listeners = List.copyOf(listeners);
		Assert.isTrue(interval != null && interval.toMillis() > 0, "interval must be at least a millisecond");
		Assert.notNull(verifier, "verifier is required");
		this.store = store;
		this.interval = interval;
		this.verifier = verifier;
	}

	/**
	 * Reload the documents if their files changed since they were last loaded.
	 * @return what happened
	 */
	public Outcome reloadIfChanged() {
		Outcome outcome = lookForChanges();
		for (DocumentReloadListener listener : this.listeners) {
			try {
				listener.onReload(outcome);
			}
			catch (RuntimeException ex) {
				logger.debug("Reload listener " + listener + " failed", ex);
			}
		}
		return outcome;
	}

	private synchronized Outcome lookForChanges() {
		FileStamps before = FileStamps.of(this.store.watched());
		FileStamps loaded = this.loaded;
		if (loaded != null && loaded.provesUnchanged(before)) {
			return Outcome.UNCHANGED;
		}
		DocumentCatalog candidate;
		try {
			candidate = this.store.load();
		}
		catch (RuntimeException ex) {
			return failed(before, ex);
		}
		if (!before.equals(FileStamps.of(this.store.watched()))) {
			return Outcome.CHANGING;
		}
		if (candidate.documents().equals(this.store.documents())) {
			this.loaded = before;
			recovered("unchanged, " + count(candidate.size()) + " still served");
			return Outcome.UNCHANGED;
		}
		try {
			this.verifier.accept(candidate);
		}
		catch (RuntimeException ex) {
			return failed(before, ex);
		}
		Map<String, String> previous = this.store.documents();
		this.store.replace(candidate);
		this.loaded = before;
		String change = describeChange(previous, candidate.documents());
		if (!recovered(change)) {
			logger.info("Reloaded persisted documents from " + this.store.watched() + ": " + change);
		}
		return Outcome.RELOADED;
	}

	private Outcome failed(FileStamps before, RuntimeException ex) {
		if (!before.equals(FileStamps.of(this.store.watched()))) {
			return Outcome.CHANGING;
		}
		this.loaded = before;
		String reason = Objects.requireNonNullElse(ex.getMessage(), ex.toString());
		if (!reason.equals(this.failure)) {
			this.failure = reason;
			logger.warn("Persisted documents in " + this.store.watched() + " were not reloaded: the previous "
					+ count(this.store.catalog().size()) + " are still served. " + reason);
		}
		return Outcome.FAILED;
	}

	private boolean recovered(String change) {
		if (this.failure == null) {
			return false;
		}
		this.failure = null;
		logger.info("Persisted documents in " + this.store.watched() + " can be loaded again: " + change);
		return true;
	}

	private static String describeChange(Map<String, String> previous, Map<String, String> current) {
		long added = current.keySet().stream().filter((key) -> !previous.containsKey(key)).count();
		long removed = previous.keySet().stream().filter((key) -> !current.containsKey(key)).count();
		long changed = current.entrySet()
			.stream()
			.filter((entry) -> previous.containsKey(entry.getKey())
					&& !previous.get(entry.getKey()).equals(entry.getValue()))
			.count();
		return count(current.size()) + " (" + added + " added, " + removed + " removed, " + changed + " changed)";
	}

	private static String count(int documents) {
		return documents + ((documents == 1) ? " document" : " documents");
	}

	/**
	 * Return why the last reload failed, or {@code null} if it did not: the files that
	 * are served are the ones on disk, or they changed since.
	 */
	public @Nullable String failure() {
		return this.failure;
	}

	/**
	 * Return how often files are looked at.
	 */
	public Duration interval() {
		return this.interval;
	}

	@Override
	public void start() {
		synchronized (this.lifecycleMonitor) {
			if (this.executor != null) {
				return;
			}
			ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "persisted-ops-reload");
				thread.setDaemon(true);
				return thread;
			});
			long millis = this.interval.toMillis();
			executor.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
			this.executor = executor;
		}
	}

	private void poll() {
		try {
			reloadIfChanged();
		}
		catch (RuntimeException ex) {
			// A task that throws is never run again: log it, and keep polling.
			logger.warn("Looking for changes to persisted documents failed", ex);
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService executor;
		synchronized (this.lifecycleMonitor) {
			executor = this.executor;
			this.executor = null;
		}
		if (executor != null) {
			// A reload in progress finishes rather than being interrupted mid-read.
			executor.shutdown();
			try {
				executor.awaitTermination(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lifecycleMonitor) {
			return this.executor != null;
		}
	}

	/**
	 * What a look at the files did.
	 */
	public enum Outcome {

		/** The files, or the documents read from them, are the ones served. */
		UNCHANGED,

		/** Different documents were read, verified, and are served now. */
		RELOADED,

		/**
		 * The files could not be loaded or verified; the previous documents are served.
		 */
		FAILED,

		/**
		 * The files changed while they were read; they are read again at the next look.
		 */
		CHANGING

	}

}
