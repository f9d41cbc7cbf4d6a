package dev.persistedops.execution;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The GraphQL-over-HTTP rule that a GET request may only run a query: never a mutation (which
 * a crawler or prefetch could trigger) and never a subscription.
 */
public final class GetOperationRule {

	private final PersistedDocumentCache parsedDocuments;

	public GetOperationRule(PersistedDocumentCache parsedDocuments) {
		Assert.notNull(parsedDocuments, "parsedDocuments is required");
		this.parsedDocuments = parsedDocuments;
	}

	/**
	 * Whether a GET request may run the selected operation of the given document. A document
	 * that does not parse, or does not have the operation, is allowed: its execution fails
	 * with the usual GraphQL error and runs nothing.
	 * @param text the document text
	 * @param operationName the operation the request selects, or {@code null}
	 */
	public boolean allows(String text, @Nullable String operationName) {
		Document document = this.parsedDocuments.parsedDocument(text);
		if (document == null) {
			try {
				document = Parser.parse(text);
			}
			catch (InvalidSyntaxException ex) {
				return true;
			}
		}
		OperationDefinition operation = select(document, operationName);
		return operation == null || operation.getOperation() == OperationDefinition.Operation.QUERY;
	}

	private static @Nullable OperationDefinition select(Document document, @Nullable String operationName) {
		var operations = document.getDefinitionsOfType(OperationDefinition.class);
		if (operationName == null || operationName.isEmpty()) {
			return (operations.size() == 1) ? operations.get(0) : null;
		}
		return operations.stream().filter((op) -> operationName.equals(op.getName())).findFirst().orElse(null);
	}

}
