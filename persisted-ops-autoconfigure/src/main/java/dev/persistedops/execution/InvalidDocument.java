package dev.persistedops.execution;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * A stored document that is not valid against the schema, with graphql-java's reasons.
 *
 * @param id the key the document is stored under
 * @param operationNames the names of its operations ({@value #ANONYMOUS} for one without
 * a name); empty if it does not parse or has none
 * @param source where it came from (a file, a manifest entry), or {@code null} if that is
 * not known
 * @param reasons why it is not valid, one message per problem
 */
public record InvalidDocument(String id, List<String> operationNames, @Nullable String source, List<String> reasons) {

	/** How an operation without a name is listed. */
	public static final String ANONYMOUS = "(anonymous)";

	public InvalidDocument {
		Assert.notNull(id, "id is required");
		operationNames = List.copyOf(operationNames);
		reasons = List.copyOf(reasons);
	}

	/**
	 * Describe the document in one line: its operations, id and source, then why it is
	 * not valid.
	 */
	public String describe() {
		String where = "id '" + this.id + "'" + ((this.source != null) ? ", " + this.source : "");
		String what = this.operationNames.isEmpty() ? "" : String.join(", ", this.operationNames) + " ";
		return what + "(" + where + "): " + String.join("; ", this.reasons);
	}

}
