package dev.persistedops.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.persistedops.execution.SchemaValidationMode;
import dev.persistedops.execution.StoredDocumentCheck;
import dev.persistedops.publish.DocumentPublishingRunner;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.ListableOperationDocumentStore;
import dev.persistedops.store.OperationDocumentStore;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/**
 * Checks, once the application's beans exist and before the server takes requests, every
 * document the store can list (files, manifests, memory) and every document that is
 * published at startup (into Redis or Azure Blob, which cannot list theirs), so that a
 * document that no longer matches the schema is found before a user sends its id; valid
 * documents are kept parsed for their first request.
 * <p>
 * In {@code warn} mode, which serves invalid documents anyway, a set of more than
 * {@link #CHECKED_BEFORE_READY} documents, or a store not listed yet (whose files are
 * found by id), is checked in the background, starting a delay after the application is
 * ready, so that a large store does not hold up startup (about 0.1 ms a document on one
 * core once the JIT has warmed up, several times that before) and the check does not take
 * the CPU from the first requests: its documents are served meanwhile, each parsed on its
 * first request until the check has parsed it. In {@code fail} mode the check always runs
 * before the server takes requests, since it may stop the application.
 */
final class StoredDocumentsStartupCheck
		implements SmartInitializingSingleton, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

	/**
	 * The most documents of one set checked before the server takes requests in warn
	 * mode.
	 */
	static final int CHECKED_BEFORE_READY = 1_000;

	private static final Log logger = LogFactory.getLog(StoredDocumentsStartupCheck.class);

	private final StoredDocumentCheck check;

	private final OperationDocumentStore store;

	private final ObjectProvider<DocumentPublishingRunner> publishing;

	private final Duration delay;

	private final List<Runnable> deferred = new ArrayList<>();

	private final AtomicBoolean started = new AtomicBoolean();

	private volatile @Nullable Thread background;

	StoredDocumentsStartupCheck(StoredDocumentCheck check, OperationDocumentStore store,
			ObjectProvider<DocumentPublishingRunner> publishing, Duration delay) {
		this.check = check;
		this.store = store;
		this.publishing = publishing;
		this.delay = delay;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.store instanceof ListableOperationDocumentStore listable) {
			checkOrDefer("in the store", listable.documents(), listable::sourceOf, !listable.isListed());
		}
		this.publishing.orderedStream().forEach((runner) -> {
			DocumentCatalog documents = runner.documents();
			checkOrDefer("to publish", documents.documents(), documents::sourceOf, !documents.isListed());
		});
	}

	/**
	 * Check the documents now, or in the background in warn mode if there are many, or
	 * they are not listed yet: listing them takes seconds for a large store.
	 */
	private void checkOrDefer(String what, Map<String, String> documents, Function<String, @Nullable String> sourceOf,
			boolean unlisted) {
		if (this.check.mode() == SchemaValidationMode.WARN && (unlisted || documents.size() > CHECKED_BEFORE_READY)) {
			this.deferred.add(() -> {
				logger.info("Checking " + documents.size() + " persisted documents " + what
						+ " against the schema in the background (warn mode; they are served meanwhile)");
				this.check.check(what, documents, sourceOf);
				logger.info("Checked " + documents.size() + " persisted documents " + what + " against the schema");
			});
			return;
		}
		this.check.check(what, documents, sourceOf);
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		if (this.deferred.isEmpty() || !this.started.compareAndSet(false, true)) {
			return;
		}
		if (!this.delay.isZero()) {
			logger.info("The persisted documents will be checked against the schema in the background in "
					+ LoggedDurations.print(this.delay) + " (" + ValidationProperties.BACKGROUND_DELAY + ")");
		}
		Thread thread = new Thread(this::runDeferred, "persisted-ops-schema-check");
		thread.setDaemon(true);
		// Below the threads that serve requests, which it must not slow down.
		thread.setPriority(Thread.MIN_PRIORITY);
		this.background = thread;
		thread.start();
	}

	private void runDeferred() {
		try {
			Thread.sleep(this.delay.toMillis());
		}
		catch (InterruptedException ex) {
			// Closed before the check started.
			Thread.currentThread().interrupt();
			return;
		}
		for (Runnable check : this.deferred) {
			if (Thread.currentThread().isInterrupted()) {
				return;
			}
			try {
				check.run();
			}
			catch (RuntimeException ex) {
				logger.warn("Checking the persisted documents against the schema failed", ex);
			}
		}
	}

	@Override
	public void destroy() {
		Thread thread = this.background;
		if (thread != null) {
			thread.interrupt();
		}
	}

}
