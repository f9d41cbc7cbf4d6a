package dev.persistedops.execution;

import org.springframework.util.Assert;

/**
 * Thrown when stored documents are not valid against the schema and invalid documents are
 * refused: the message lists each one with its id, operations, source and graphql-java's
 * reasons.
 */
public class InvalidStoredDocumentsException extends RuntimeException {

	private final DocumentValidationReport report;

	/**
	 * Create an exception.
	 * @param what which documents were checked, completing "persisted documents", such as
	 * "in the store"
	 * @param report what the check found
	 */
	public InvalidStoredDocumentsException(String what, DocumentValidationReport report) {
		super(report.describe(what));
		Assert.isTrue(!report.isValid(), "report must list invalid documents");
		this.report = report;
	}

	/**
	 * Return what the check found.
	 */
	public DocumentValidationReport getReport() {
		return this.report;
	}

}
