package dev.persistedops.execution;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.language.AstPrinter;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OperationValidator}: one document's problems, and a set of stored
 * documents checked at once, each valid one parsed as graphql-java parses it.
 */
class OperationValidatorTests {

	static final GraphQLSchema SCHEMA = UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser()
		.parse("type Query { book(id: ID!): Book }  type Book { id: ID! title: String! author: String! }"));

	static final String GET_BOOK = "query GetBook($id: ID!) { book(id: $id) { id title } }";

	static final String GET_AUTHOR = "query GetAuthor($id: ID!) { book(id: $id) { writer } }";

	private final OperationValidator validator = new OperationValidator(() -> SCHEMA);

	@Test
	void validDocumentHasNoProblems() {
		assertThat(this.validator.problemsOf(GET_BOOK)).isEmpty();
	}

	@Test
	void problemsAreGraphQlJavasMessages() {
		assertThat(this.validator.problemsOf(GET_AUTHOR)).singleElement()
			.asString()
			.contains("FieldUndefined")
			.contains("Field 'writer' in type 'Book' is undefined");
		assertThat(this.validator.problemsOf("query { book(id: 1) {")).singleElement()
			.asString()
			.contains("Invalid syntax");
		assertThat(this.validator.problemsOf("fragment F on Book { id }")).isNotEmpty();
	}

	@Test
	void reportListsEachInvalidDocumentWithItsIdOperationSourceAndReasons() {
		Map<String, String> documents = Map.of("a", GET_BOOK, "b", GET_AUTHOR, "c", "query Broken {");
		DocumentValidationReport report = this.validator.validate(documents,
				(key) -> key.equals("b") ? "file [/ops/b.graphql]" : null);
		assertThat(report.checked()).isEqualTo(3);
		assertThat(report.isValid()).isFalse();
		assertThat(report.invalid()).extracting(InvalidDocument::id).containsExactly("b", "c");
		InvalidDocument author = report.invalid().get(0);
		assertThat(author.operationNames()).containsExactly("GetAuthor");
		assertThat(author.source()).isEqualTo("file [/ops/b.graphql]");
		assertThat(author.describe()).startsWith("GetAuthor (id 'b', file [/ops/b.graphql]): ")
			.contains("Field 'writer' in type 'Book' is undefined");
		assertThat(report.invalid().get(1).describe()).startsWith("(id 'c'): ").contains("Invalid syntax");
		assertThat(report.describe("in the store")).startsWith("2 of 3 persisted documents in the store are not valid")
			.contains(System.lineSeparator() + " - GetAuthor (id 'b'")
			.contains(System.lineSeparator() + " - (id 'c')");
		assertThat(report.entries()).containsOnlyKeys(GET_BOOK);
	}

	@Test
	void eachTextIsParsedOnceHoweverManyIdsHoldIt() {
		DocumentValidationReport report = this.validator.validate(Map.of("sha256", GET_BOOK, "ios/md5", GET_BOOK),
				(key) -> null);
		assertThat(report.isValid()).isTrue();
		assertThat(report.checked()).isEqualTo(2);
		assertThat(report.entries()).hasSize(1);
	}

	@Test
	void onlyAsManyParsedDocumentsAreKeptAsAskedAndEveryDocumentIsStillChecked() {
		Map<String, String> documents = Map.of("a", GET_BOOK, "b", "query B { book(id: 2) { id } }", "c",
				"query C { book(id: 3) { id } }", "d", GET_AUTHOR);
		DocumentValidationReport report = this.validator.validate(documents, (key) -> null, 2);
		assertThat(report.checked()).isEqualTo(4);
		assertThat(report.entries()).containsOnlyKeys(GET_BOOK, documents.get("b"));
		assertThat(report.invalid()).extracting(InvalidDocument::id).containsExactly("d");
	}

	@Test
	void anonymousOperationsAreListedAsSuch() {
		DocumentValidationReport report = this.validator.validate(Map.of("x", "{ book(id: 1) { nope } }"),
				(key) -> null);
		assertThat(report.invalid()).singleElement()
			.satisfies((invalid) -> assertThat(invalid.operationNames()).containsExactly(InvalidDocument.ANONYMOUS));
	}

	@Test
	void entryIsWhatGraphQlJavaComputesOnAFirstExecution() {
		Map<String, PreparsedDocumentEntry> computed = new HashMap<>();
		PreparsedDocumentProvider recording = (input, parseAndValidate) -> {
			PreparsedDocumentEntry entry = parseAndValidate.apply(input);
			computed.put(input.getQuery(), entry);
			return CompletableFuture.completedFuture(entry);
		};
		GraphQL graphQl = GraphQL.newGraphQL(SCHEMA).preparsedDocumentProvider(recording).build();
		for (String text : List.of(GET_BOOK, GET_AUTHOR)) {
			ExecutionResult result = graphQl
				.execute(ExecutionInput.newExecutionInput(text).variables(Map.of("id", "1")).build());
			assertThat(result).isNotNull();
			PreparsedDocumentEntry ours = this.validator.parseAndValidate(text);
			PreparsedDocumentEntry theirs = computed.get(text);
			assertThat(AstPrinter.printAst(ours.getDocument())).isEqualTo(AstPrinter.printAst(theirs.getDocument()));
			assertThat(ours.hasErrors()).isEqualTo(theirs.hasErrors());
			if (theirs.hasErrors()) {
				assertThat(ours.getErrors()).extracting(Object::toString)
					.containsExactlyElementsOf(theirs.getErrors().stream().map(Object::toString).toList());
			}
		}
	}

}
