package dev.persistedops.testing;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.persistedops.execution.DocumentValidationReport;
import dev.persistedops.execution.InvalidDocument;

/**
 * What a schema change does to stored documents: the ones it breaks (valid against the
 * schema before, not after), each with graphql-java's reasons against the new schema.
 * Documents that were not valid before either are listed apart, so that a change is not
 * blamed for them.
 */
public final class SchemaChange {

	private final String description;

	private final int checked;

	private final List<InvalidDocument> broken;

	private final List<InvalidDocument> invalidBefore;

	private SchemaChange(String description, int checked, List<InvalidDocument> broken,
			List<InvalidDocument> invalidBefore) {
		this.description = description;
		this.checked = checked;
		this.broken = List.copyOf(broken);
		this.invalidBefore = List.copyOf(invalidBefore);
	}

	static SchemaChange of(String description, DocumentValidationReport before, DocumentValidationReport after) {
		Set<String> invalidBefore = before.invalid().stream().map(InvalidDocument::id).collect(Collectors.toSet());
		List<InvalidDocument> broken = after.invalid()
			.stream()
			.filter((document) -> !invalidBefore.contains(document.id()))
			.toList();
		return new SchemaChange(description, after.checked(), broken, before.invalid());
	}

	/**
	 * Return the documents the change breaks, by id, with why each is not valid against
	 * the new schema.
	 */
	public List<InvalidDocument> broken() {
		return this.broken;
	}

	/**
	 * Return the ids of the documents the change breaks.
	 */
	public List<String> brokenIds() {
		return this.broken.stream().map(InvalidDocument::id).toList();
	}

	/**
	 * Return the documents that were not valid against the schema before the change.
	 */
	public List<InvalidDocument> invalidBefore() {
		return this.invalidBefore;
	}

	/**
	 * Whether the change breaks no document.
	 */
	public boolean breaksNothing() {
		return this.broken.isEmpty();
	}

	/**
	 * Assert that the change breaks no document.
	 * @throws AssertionError listing each document it breaks, with the reason
	 */
	public void assertBreaksNothing() {
		if (!breaksNothing()) {
			throw new AssertionError(describe());
		}
	}

	/**
	 * Describe the documents the change breaks, one line each.
	 */
	public String describe() {
		StringBuilder description = new StringBuilder("The schema change breaks ").append(this.broken.size())
			.append(" of ")
			.append(this.checked)
			.append(" persisted documents ")
			.append(this.description)
			.append(this.broken.isEmpty() ? "." : ":");
		this.broken.forEach(
				(document) -> description.append(System.lineSeparator()).append(" - ").append(document.describe()));
		return description.toString();
	}

	@Override
	public String toString() {
		return describe();
	}

}
