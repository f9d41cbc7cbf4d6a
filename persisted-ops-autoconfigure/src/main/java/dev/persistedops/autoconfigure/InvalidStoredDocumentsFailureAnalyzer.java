package dev.persistedops.autoconfigure;

import dev.persistedops.execution.InvalidStoredDocumentsException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed because stored documents are not valid against the
 * schema: the exception lists each one, and the action names the property that refuses
 * them.
 */
class InvalidStoredDocumentsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidStoredDocumentsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidStoredDocumentsException cause) {
		String action = "Each document listed above uses what the schema does not have (or has differently). "
				+ "Restore it in the schema if clients still send these operations; otherwise re-export them from a "
				+ "client build made against this schema, or retire them from the store. To start despite them "
				+ "(each then fails when it is requested), set " + ValidationProperties.MODE + "=warn.";
		return new FailureAnalysis(cause.getMessage(), action, cause);
	}

}
