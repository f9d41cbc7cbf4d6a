package dev.persistedops.maven.check;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import graphql.language.OperationDefinition.Operation;
import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.persistedops.maven.manifest.ApolloManifest;
import dev.persistedops.maven.operation.ClientOperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link SchemaFiles}, {@link OperationChecker} and {@link ManifestComparison}.
 */
class OperationCheckerTests {

	@TempDir
	Path work;

	private static ClientOperation query(String name, String body) {
		return new ClientOperation(name, name + ".graphql", name, Operation.QUERY, body);
	}

	@Test
	void schemaFromADirectoryMergesItsSchemaFilesAndIgnoresOthers() throws Exception {
		Path schema = Files.createDirectories(this.work.resolve("graphql/nested"));
		Files.writeString(this.work.resolve("graphql/schema.graphqls"), "type Query { books: [Book] }");
		Files.writeString(schema.resolve("book.gqls"), "type Book { title: String }\nextend type Query { count: Int }");
		Files.writeString(schema.resolve("operation.graphql"), "query NotSchema { books { title } }");
		GraphQLSchema loaded = SchemaFiles.load(List.of(this.work.resolve("graphql")));
		assertThat(OperationChecker.check(loaded, List.of(query("Books", "query Books { books { title } count }"))))
			.isEmpty();
	}

	@Test
	void invalidOperationsAreReportedWithGraphQlJavasReasons() throws Exception {
		Path file = Files.writeString(this.work.resolve("schema.graphqls"),
				"type Query { books(first: Int): [String] }");
		GraphQLSchema schema = SchemaFiles.load(List.of(file));
		ClientOperation valid = query("Valid", "query Valid { books(first: 1) }");
		ClientOperation unknownField = query("Unknown", "query Unknown { authors }");
		ClientOperation badArgument = query("Bad", "query Bad { books(first: \"one\") }");
		assertThat(OperationChecker.check(schema, List.of(valid, unknownField, badArgument)))
			.satisfiesExactly((invalid) -> {
				assertThat(invalid.operation()).isEqualTo(unknownField);
				assertThat(invalid.reasons()).containsExactly(
						"Validation error (FieldUndefined@[authors]) : Field 'authors' in type 'Query' is undefined");
			}, (invalid) -> {
				assertThat(invalid.operation()).isEqualTo(badArgument);
				assertThat(invalid.reasons()).singleElement().asString().contains("WrongType");
			});
	}

	@Test
	void missingOrInvalidSchemaFilesAreNamed() throws IOException {
		Path missing = this.work.resolve("missing.graphqls");
		Path invalid = Files.writeString(this.work.resolve("invalid.graphqls"), "type Query {");
		Path noQuery = Files.writeString(this.work.resolve("noQuery.graphqls"), "type Book { title: String }");
		assertThatExceptionOfType(InvalidSchemaException.class).isThrownBy(() -> SchemaFiles.load(List.of(missing)))
			.withMessage("The schema file " + missing + " does not exist");
		assertThatExceptionOfType(InvalidSchemaException.class).isThrownBy(() -> SchemaFiles.load(List.of(invalid)))
			.withMessageStartingWith(invalid + " is not a valid schema file");
		assertThatExceptionOfType(InvalidSchemaException.class).isThrownBy(() -> SchemaFiles.load(List.of(noQuery)))
			.withMessageStartingWith("The schema files [" + noQuery + "] are not a valid schema");
	}

	@Test
	void comparisonWithAPreviousManifestIsById() {
		ClientOperation kept = query("Kept", "query Kept { a }");
		ClientOperation changed = query("Changed", "query Changed { b }");
		List<ApolloManifest.Entry> previous = List.of(new ApolloManifest.Entry(kept.id(), "Kept"),
				new ApolloManifest.Entry("0".repeat(64), "Changed"), new ApolloManifest.Entry("1".repeat(64), "Gone"));
		ManifestComparison comparison = ManifestComparison.of(previous, List.of(kept, changed));
		assertThat(comparison.added()).containsExactly("Changed (" + changed.id() + ")");
		assertThat(comparison.removed()).containsExactly("Changed (" + "0".repeat(64) + ")",
				"Gone (" + "1".repeat(64) + ")");
	}

}
