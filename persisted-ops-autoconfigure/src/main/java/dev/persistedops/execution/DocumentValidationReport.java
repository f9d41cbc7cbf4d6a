package dev.persistedops.execution;

import java.util.List;
import java.util.Map;

import graphql.execution.preparsed.PreparsedDocumentEntry;

/**
 * What checking a set of stored documents against the schema found: the documents that
 * are not valid, each with its reasons, and the parsed and validated form of the valid
 * ones, by their text, as the parse cache holds them.
 *
 * @param checked how many documents were checked
 * @param invalid the documents that are not valid, by id
 * @param entries the parsed form of every valid document, by its exact text
 */
public record DocumentValidationReport(int checked, List<InvalidDocument> invalid,
		Map<String, PreparsedDocumentEntry> entries) {

	public DocumentValidationReport {
		invalid = List.copyOf(invalid);
		entries = Map.copyOf(entries);
	}

	/**
	 * Whether every document checked is valid.
	 */
	public boolean isValid() {
		return this.invalid.isEmpty();
	}

	/**
	 * Describe the invalid documents, one line each, after a line that counts them.
	 * @param what which documents were checked, completing "persisted documents", such as
	 * "in the store"
	 */
	public String describe(String what) {
		StringBuilder description = new StringBuilder().append(this.invalid.size())
			.append(" of ")
			.append(this.checked)
			.append(" persisted documents ")
			.append(what)
			.append((this.invalid.size() == 1) ? " is" : " are")
			.append(" not valid against the schema:");
		this.invalid.forEach(
				(document) -> description.append(System.lineSeparator()).append(" - ").append(document.describe()));
		return description.toString();
	}

}
