package dev.persistedops.autoconfigure;

import dev.persistedops.publish.DocumentPublishingException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed because publishing documents did not complete, without a
 * stack trace: an unavailable store is worth retrying, a conflict is not.
 */
class DocumentPublishingFailureAnalyzer extends AbstractFailureAnalyzer<DocumentPublishingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DocumentPublishingException cause) {
		if (cause.isStoreUnavailable()) {
			return new FailureAnalysis(cause.getMessage(),
					"Publish again once the store answers: publishing is idempotent. If it is only slow, raise "
							+ "persisted-ops.store.timeout.",
					cause);
		}
		return new FailureAnalysis(cause.getMessage(),
				"An id keeps the text it holds: publish the documents listed above under ids of their own, or remove "
						+ "them from persisted-ops.publish.filesystem.locations and persisted-ops.publish.manifest.locations.",
				cause);
	}

}
