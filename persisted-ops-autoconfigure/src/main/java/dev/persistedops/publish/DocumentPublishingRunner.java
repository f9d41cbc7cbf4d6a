package dev.persistedops.publish;

import java.time.Duration;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.WritableOperationDocumentStore;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.Assert;

/**
 * Publishes documents when the application starts: the deploy step that loads a client build's
 * export into Redis or Azure Blob. Run it once per deploy (as a one-off job with
 * {@code spring.main.web-application-type=none}) or on every instance's start: either way it is
 * idempotent. The application fails to start if nothing was found to publish, if the store
 * cannot be reached, or if an id holds a different text.
 */
public class DocumentPublishingRunner implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DocumentPublishingRunner.class);

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private final OperationDocumentStore store;

	private final @Nullable Duration timeToLive;

	private final Supplier<DocumentCatalog> documents;

	/**
	 * Create a runner.
	 * @param store where to publish; it must be a {@link WritableOperationDocumentStore}
	 * @param timeToLive how long published documents are kept, or {@code null} to keep them
	 * @param documents loads the documents to publish
	 */
	public DocumentPublishingRunner(OperationDocumentStore store, @Nullable Duration timeToLive,
			Supplier<DocumentCatalog> documents) {
		Assert.notNull(store, "store is required");
		Assert.notNull(documents, "documents is required");
		this.store = store;
		this.timeToLive = timeToLive;
		this.documents = documents;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!(this.store instanceof WritableOperationDocumentStore writable)) {
			throw new InvalidConfigurationPropertyValueException("persisted-ops.publish.enabled", true,
					"The document store (" + this.store.getClass().getSimpleName() + ") cannot be written to; "
							+ "publish into a remote store, with persisted-ops.store.type=redis or azure-blob");
		}
		DocumentCatalog catalog = this.documents.get();
		if (catalog.size() == 0) {
			throw new IllegalStateException("No documents to publish: set persisted-ops.publish.filesystem.locations "
					+ "or persisted-ops.publish.manifest.locations to where the client build exports them");
		}
		PublishReport report = new DocumentPublisher(writable, this.timeToLive).publish(catalog).block(TIMEOUT);
		Assert.state(report != null, "Publishing returned no report");
		if (!report.conflicts().isEmpty()) {
			throw new IllegalStateException("Published documents (" + report + "), but these ids already hold a "
					+ "different text, which was kept: " + report.conflicts());
		}
		logger.info("Published " + catalog.size() + " persisted documents: " + report);
	}

}
