package dev.persistedops.observability;

import java.util.List;
import java.util.stream.Collectors;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * The operations a stored document defines, as the Actuator endpoint shows them: names
 * and types, comma-separated when a document holds several.
 *
 * @param name the operation names, or {@code null} if there is no named one
 * @param type the operation types ({@code query}, {@code mutation},
 * {@code subscription}), or {@code null} if the document could not be parsed
 */
record OperationSummary(@Nullable String name, @Nullable String type) {

	private static final OperationSummary UNPARSEABLE = new OperationSummary(null, null);

	static OperationSummary of(String text) {
		Document document;
		try {
			document = Parser.parse(text);
		}
		catch (RuntimeException ex) {
			return UNPARSEABLE;
		}
		List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
		String names = operations.stream()
			.map(OperationDefinition::getName)
			.filter((name) -> name != null && !name.isEmpty())
			.collect(Collectors.joining(", "));
		String types = operations.stream()
			.map((operation) -> operation.getOperation().name().toLowerCase())
			.distinct()
			.collect(Collectors.joining(", "));
		return new OperationSummary(names.isEmpty() ? null : names, types.isEmpty() ? null : types);
	}

}
