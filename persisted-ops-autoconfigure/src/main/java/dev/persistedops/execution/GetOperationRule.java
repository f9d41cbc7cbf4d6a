package dev.persistedops.execution;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The GraphQL-over-HTTP rule that a GET request may only run a query: never a mutation
 * (which a crawler, a prefetch or another site's {@code <img>} could trigger) and never a
 * subscription. It fails closed: a GET is allowed only when the operation graphql-java
 * would run is shown to be a query.
 */
public final class GetOperationRule {

	private final PersistedDocumentCache parsedDocuments;

	public GetOperationRule(PersistedDocumentCache parsedDocuments) {
		Assert.notNull(parsedDocuments, "parsedDocuments is required");
		this.parsedDocuments = parsedDocuments;
	}

	/**
	 * Whether a GET request may run the given document.
	 * @param text the document text
	 * @param operationName the operation the request selects, or {@code null}
	 * @return {@code true} only if the document parses and the operation graphql-java
	 * would select is a query
	 */
	public boolean allows(String text, @Nullable String operationName) {
		Document document = this.parsedDocuments.parsedDocument(text);
		if (document == null) {
			try {
				document = Parser.parse(text);
			}
			catch (InvalidSyntaxException ex) {
				return false;
			}
		}
		OperationDefinition operation = OperationSelection.select(document, operationName);
		return operation != null && operation.getOperation() == OperationDefinition.Operation.QUERY;
	}

}
