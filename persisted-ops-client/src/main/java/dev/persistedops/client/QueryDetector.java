package dev.persistedops.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * Tells whether the operation a request selects is a query, which alone may travel by
 * GET. Each document is parsed once; what cannot be shown to be a query (a syntax error,
 * an operation name the document lacks) counts as not a query, so it goes by POST.
 */
final class QueryDetector {

	private final Map<String, List<OperationDefinition>> operations = new ConcurrentHashMap<>();

	boolean isQuery(String document, @Nullable String operationName) {
		List<OperationDefinition> definitions = this.operations.get(document);
		if (definitions == null) {
			definitions = parse(document);
			if (this.operations.size() < HashedOperationIds.MAXIMUM_CACHED) {
				this.operations.put(document, definitions);
			}
		}
		OperationDefinition selected = select(definitions, operationName);
		return selected != null && selected.getOperation() == OperationDefinition.Operation.QUERY;
	}

	private static @Nullable OperationDefinition select(List<OperationDefinition> definitions,
			@Nullable String operationName) {
		if (operationName == null || operationName.isEmpty()) {
			return (definitions.size() == 1) ? definitions.get(0) : null;
		}
		return definitions.stream()
			.filter((definition) -> operationName.equals(definition.getName()))
			.findFirst()
			.orElse(null);
	}

	private static List<OperationDefinition> parse(String document) {
		try {
			Document parsed = Parser.parse(document);
			return parsed.getDefinitionsOfType(OperationDefinition.class);
		}
		catch (InvalidSyntaxException ex) {
			return List.of();
		}
	}

}
