package dev.persistedops.execution;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.schema.GraphQLSchema;
import graphql.validation.ValidationError;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Checks documents against the application's schema with graphql-java's own parser and
 * validator: one document before it is stored (by a client build, or by a client
 * registering it at run time), so that only operations that can run are stored; or every
 * stored document at once, at startup and on each reload.
 */
public final class OperationValidator {

	private static final String NO_OPERATION = "The document has no operation";

	private final Supplier<GraphQLSchema> schema;

	/**
	 * Create a validator.
	 * @param schema supplies the application's schema
	 */
	public OperationValidator(Supplier<GraphQLSchema> schema) {
		Assert.notNull(schema, "schema is required");
		this.schema = schema;
	}

	/**
	 * Return why the document cannot run, one message per problem, or nothing if it can.
	 */
	public List<String> problemsOf(String text) {
		return problemsOf(parseAndValidate(text));
	}

	/**
	 * Parse and validate a document as graphql-java does on the first execution of a
	 * persisted document, when {@link PersistedDocumentProvider} asks it to: the parser
	 * options and validation rules of a request that sets none, without instrumentation.
	 * @param text the exact document text
	 * @return the entry the {@link PersistedDocumentCache} would hold for the text
	 */
	public PreparsedDocumentEntry parseAndValidate(String text) {
		ParseAndValidateResult parsed = ParseAndValidate.parse(ExecutionInput.newExecutionInput(text).build());
		if (parsed.isFailure()) {
			return new PreparsedDocumentEntry(parsed.getSyntaxException().toInvalidSyntaxError());
		}
		Document document = parsed.getDocument();
		List<ValidationError> errors = ParseAndValidate.validate(this.schema.get(), document, (rule) -> true,
				Locale.getDefault());
		return errors.isEmpty() ? new PreparsedDocumentEntry(document) : new PreparsedDocumentEntry(document, errors);
	}

	/**
	 * Check every given document, each text parsed and validated once.
	 * @param documents the documents, by the key they are stored under
	 * @param sourceOf where the document of a key came from (a file, a manifest entry),
	 * or {@code null} when that is not known
	 * @return the invalid documents with their reasons, and the parsed form of the valid
	 * ones
	 */
	public DocumentValidationReport validate(Map<String, String> documents,
			Function<String, @Nullable String> sourceOf) {
		return validate(documents, sourceOf, Integer.MAX_VALUE);
	}

	/**
	 * Check every given document, each text parsed and validated once, and keep the
	 * parsed form of at most the given number of valid ones (what a bounded cache can
	 * hold), so that a large store is not held parsed in memory all at once.
	 * @param documents the documents, by the key they are stored under
	 * @param sourceOf where the document of a key came from (a file, a manifest entry),
	 * or {@code null} when that is not known
	 * @param maxEntries the most parsed documents to keep in the report
	 * @return the invalid documents with their reasons, and the parsed form of the first
	 * valid ones by key
	 */
	public DocumentValidationReport validate(Map<String, String> documents, Function<String, @Nullable String> sourceOf,
			long maxEntries) {
		Map<String, PreparsedDocumentEntry> entries = new HashMap<>();
		List<InvalidDocument> invalid = new ArrayList<>();
		Map<String, PreparsedDocumentEntry> valid = new LinkedHashMap<>();
		documents.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach((document) -> {
			PreparsedDocumentEntry entry = entries.get(document.getValue());
			if (entry == null) {
				entry = parseAndValidate(document.getValue());
				// Only texts seen twice need their entry again: keep the invalid ones'
				// and the kept valid ones', let the others go.
				if (entry.hasErrors() || valid.size() < maxEntries) {
					entries.put(document.getValue(), entry);
				}
			}
			List<String> problems = problemsOf(entry);
			if (problems.isEmpty()) {
				if (valid.size() < maxEntries) {
					valid.put(document.getValue(), entry);
				}
			}
			else {
				invalid.add(new InvalidDocument(document.getKey(), operationNames(entry.getDocument()),
						sourceOf.apply(document.getKey()), problems));
			}
		});
		invalid.sort(Comparator.comparing(InvalidDocument::id));
		return new DocumentValidationReport(documents.size(), invalid, valid);
	}

	private static List<String> problemsOf(PreparsedDocumentEntry entry) {
		if (entry.hasErrors()) {
			return entry.getErrors().stream().map(GraphQLError::getMessage).toList();
		}
		if (entry.getDocument().getDefinitionsOfType(OperationDefinition.class).isEmpty()) {
			return List.of(NO_OPERATION);
		}
		return List.of();
	}

	private static List<String> operationNames(@Nullable Document document) {
		if (document == null) {
			return List.of();
		}
		return document.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.map((operation) -> (operation.getName() != null) ? operation.getName() : InvalidDocument.ANONYMOUS)
			.toList();
	}

}
