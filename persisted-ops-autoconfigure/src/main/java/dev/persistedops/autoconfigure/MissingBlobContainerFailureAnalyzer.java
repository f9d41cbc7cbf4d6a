package dev.persistedops.autoconfigure;

import dev.persistedops.store.azure.MissingBlobContainerException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed because the Azure Blob store's container does not exist.
 */
class MissingBlobContainerFailureAnalyzer extends AbstractFailureAnalyzer<MissingBlobContainerException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MissingBlobContainerException cause) {
		return new FailureAnalysis(cause.getMessage() + ".",
				"Create the container, set persisted-ops.store.azure-blob.container to the container that holds "
						+ "the documents, or set persisted-ops.store.azure-blob.create-container=true to create it "
						+ "at startup.",
				cause);
	}

}
