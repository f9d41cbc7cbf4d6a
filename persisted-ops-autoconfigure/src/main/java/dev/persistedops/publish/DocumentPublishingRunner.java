package dev.persistedops.publish;

import java.time.Duration;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.StoreUnavailableException;
import dev.persistedops.store.WritableOperationDocumentStore;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.util.Assert;

/**
 * Publishes documents when the application starts: the deploy step that loads a client
 * build's export into Redis or Azure Blob. Run it once per deploy (as a one-off job with
 * {@code spring.main.web-application-type=none}) or on every instance's start: either way
 * it is idempotent. A store that cannot be reached (within the store's timeout), an id
 * that holds a different text, or a document that cannot be saved fails the start with a
 * {@link DocumentPublishingException}.
 */
public class DocumentPublishingRunner implements ApplicationRunner {

	private static final Log logger = LogFactory.getLog(DocumentPublishingRunner.class);

	private static final Duration TIMEOUT = Duration.ofMinutes(5);

	private final DocumentPublisher publisher;

	private final DocumentCatalog documents;

	/**
	 * Create a runner.
	 * @param store where to publish
	 * @param timeToLive how long published documents are kept, or {@code null} to keep
	 * them
	 * @param documents the documents to publish
	 */
	public DocumentPublishingRunner(WritableOperationDocumentStore store, @Nullable Duration timeToLive,
			DocumentCatalog documents) {
		Assert.notNull(store, "store is required");
		Assert.notNull(documents, "documents is required");
		this.publisher = new DocumentPublisher(store, timeToLive);
		this.documents = documents;
	}

	/**
	 * Return the documents this runner publishes.
	 */
	public DocumentCatalog documents() {
		return this.documents;
	}

	@Override
	public void run(ApplicationArguments args) {
		PublishReport report;
		try {
			report = this.publisher.publish(this.documents).block(TIMEOUT);
		}
		catch (StoreUnavailableException ex) {
			throw new DocumentPublishingException("Publishing persisted documents stopped: the document store is "
					+ "unavailable (" + ex.getMessage() + ").", ex);
		}
		Assert.state(report != null, "Publishing returned no report");
		if (!report.isComplete()) {
			throw new DocumentPublishingException("Publishing persisted documents did not complete (" + report + ")."
					+ (report.conflicts().isEmpty() ? ""
							: " These ids already hold a different text, which was kept: " + report.conflicts() + ".")
					+ (report.failures().isEmpty() ? "" : " These could not be saved: " + report.failures() + "."),
					null);
		}
		logger.info("Published " + this.documents.size() + " persisted documents: " + report);
	}

}
