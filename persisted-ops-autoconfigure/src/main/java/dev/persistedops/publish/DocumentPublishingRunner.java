package dev.persistedops.publish;

import java.time.Duration;

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
 * idempotent. A store that cannot be written to, or nothing to publish, fails when the runner is
 * created, before a web server starts; a store that cannot be reached, an id that holds a
 * different text, or a document that cannot be saved fails the start with the full report.
 */
public class DocumentPublishingRunner implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DocumentPublishingRunner.class);

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private final DocumentPublisher publisher;

	private final DocumentCatalog documents;

	/**
	 * Create a runner.
	 * @param store where to publish; it must be a {@link WritableOperationDocumentStore}
	 * @param timeToLive how long published documents are kept, or {@code null} to keep them
	 * @param documents the documents to publish
	 * @throws InvalidConfigurationPropertyValueException if the store cannot be written to or
	 * there is nothing to publish
	 */
	public DocumentPublishingRunner(OperationDocumentStore store, @Nullable Duration timeToLive,
			DocumentCatalog documents) {
		Assert.notNull(store, "store is required");
		Assert.notNull(documents, "documents is required");
		if (!(store instanceof WritableOperationDocumentStore writable)) {
			throw new InvalidConfigurationPropertyValueException("persisted-ops.publish.enabled", true,
					"The document store (" + store.getClass().getSimpleName() + ") cannot be written to; "
							+ "publish into a remote store, with persisted-ops.store.type=redis or azure-blob");
		}
		if (documents.size() == 0) {
			throw new InvalidConfigurationPropertyValueException("persisted-ops.publish.filesystem.locations", null,
					"No documents to publish: set persisted-ops.publish.filesystem.locations or "
							+ "persisted-ops.publish.manifest.locations to where the client build exports them");
		}
		this.publisher = new DocumentPublisher(writable, timeToLive);
		this.documents = documents;
	}

	@Override
	public void run(ApplicationArguments args) {
		PublishReport report = this.publisher.publish(this.documents).block(TIMEOUT);
		Assert.state(report != null, "Publishing returned no report");
		if (!report.isComplete()) {
			throw new IllegalStateException("Publishing persisted documents did not complete (" + report + ")."
					+ (report.conflicts().isEmpty() ? ""
							: " These ids already hold a different text, which was kept: " + report.conflicts() + ".")
					+ (report.failures().isEmpty() ? "" : " These could not be saved: " + report.failures() + "."));
		}
		logger.info("Published " + this.documents.size() + " persisted documents: " + report);
	}

}
