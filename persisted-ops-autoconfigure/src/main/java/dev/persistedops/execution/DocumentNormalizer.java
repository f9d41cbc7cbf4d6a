package dev.persistedops.execution;

import java.util.Comparator;
import java.util.List;

import graphql.language.AstPrinter;
import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * The form in which two documents that differ only in insignificant whitespace, comments
 * and the order of their top-level definitions are equal: parsed with graphql-java,
 * top-level definitions sorted (operations, then fragments, each by name), printed
 * compactly. Everything else (field order, aliases, arguments, directives) is kept, so
 * documents that normalize alike run alike.
 */
public final class DocumentNormalizer {

	private static final Comparator<Definition<?>> DEFINITION_ORDER = Comparator
		.comparingInt(DocumentNormalizer::kindOrder)
		.thenComparing(DocumentNormalizer::nameOf);

	private DocumentNormalizer() {
	}

	/**
	 * Return the normalized form of a document, or {@code null} if it does not parse.
	 */
	public static @Nullable String normalize(String text) {
		Document document;
		try {
			document = Parser.parse(text);
		}
		catch (InvalidSyntaxException ex) {
			return null;
		}
		List<Definition> sorted = document.getDefinitions()
			.stream()
			.sorted((a, b) -> DEFINITION_ORDER.compare(a, b))
			.toList();
		return AstPrinter.printAstCompact(document.transform((builder) -> builder.definitions(sorted)));
	}

	private static int kindOrder(Definition<?> definition) {
		if (definition instanceof OperationDefinition) {
			return 0;
		}
		return (definition instanceof FragmentDefinition) ? 1 : 2;
	}

	private static String nameOf(Definition<?> definition) {
		if (definition instanceof OperationDefinition operation) {
			return (operation.getName() != null) ? operation.getName() : "";
		}
		return (definition instanceof FragmentDefinition fragment) ? fragment.getName() : "";
	}

}
