package dev.persistedops.execution;

import java.util.List;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import org.jspecify.annotations.Nullable;

/**
 * Selects the operation of a document that a request runs, as graphql-java selects it: no
 * name picks the only operation, an empty name picks the first, any other name the
 * operation of that name.
 */
public final class OperationSelection {

	private OperationSelection() {
	}

	/**
	 * Return the operation the request runs, or {@code null} if the document has none,
	 * has several and no name is given, or has none of that name.
	 */
	public static @Nullable OperationDefinition select(Document document, @Nullable String operationName) {
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		if (operations.isEmpty() || (operationName == null && operations.size() > 1)) {
			return null;
		}
		if (operationName == null || operationName.isEmpty()) {
			return operations.get(0);
		}
		return operations.stream().filter((op) -> operationName.equals(op.getName())).findFirst().orElse(null);
	}

}
