package dev.persistedops.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.persistedops.testing.PersistedDocuments;
import dev.persistedops.testing.SchemaChange;
import dev.persistedops.testing.SchemaFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The pre-deploy check as the README shows it, without a Spring context: the sample's
 * exported documents against its schema files, and against copies of them changed the way
 * a schema change would.
 */
class PreDeployCheckTests {

	private static final String DOCUMENTS = "classpath:/persisted-operations/";

	private static final Path SCHEMA = Path.of("src/main/resources/graphql/schema.graphqls");

	@TempDir
	Path directory;

	@Test
	void exportedDocumentsAreValidAgainstTheSchema() {
		PersistedDocuments.directory(DOCUMENTS).assertValidAgainst(SchemaFiles.load("classpath:/graphql/"));
	}

	@Test
	void removingAFieldTheyUseFailsNamingEachOperation() throws IOException {
		GraphQLSchema withoutAuthor = SchemaFiles.load(changedSchema("    author: String!\n", ""));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> PersistedDocuments.directory(DOCUMENTS).assertValidAgainst(withoutAuthor))
			.withMessageStartingWith(
					"5 of 5 persisted documents in " + DOCUMENTS + " are not valid against the schema:")
			.withMessageContaining(" - GetBook (id '" + RunningSample.GET_BOOK + "', file [")
			.withMessageContaining(" - GetBook (id '" + RunningSample.GET_BOOK_IOS + "', file [")
			.withMessageContaining(" - ListBooks (id '" + RunningSample.LIST_BOOKS + "'")
			.withMessageContaining(" - AddBook (id '" + RunningSample.ADD_BOOK + "'")
			.withMessageContaining(" - OnBookAdded (id '" + RunningSample.ON_BOOK_ADDED + "'")
			.withMessageContaining("Field 'author' in type 'Book' is undefined");
	}

	@Test
	void comparisonOfTwoSchemaVersionsNamesExactlyTheBrokenOperations() throws IOException {
		GraphQLSchema before = SchemaFiles.load(SCHEMA);
		// A new required argument breaks AddBook; the renamed subscription breaks
		// OnBookAdded; a new optional field and argument break nothing.
		Path changed = changedSchema("    addBook(title: String!, author: String!): Book!\n",
				"    addBook(title: String!, author: String!, isbn: String!): Book!\n");
		Files.writeString(changed,
				Files.readString(changed)
					.replace("    bookAdded: Book!\n", "    booksAdded(author: String): Book!\n")
					.replace("    author: String!\n}", "    author: String!\n    isbn: String\n}")
					.replace("book(id: ID!): Book", "book(id: ID!, edition: Int): Book"));
		SchemaChange change = PersistedDocuments.directory(DOCUMENTS).compare(before, SchemaFiles.load(changed));
		assertThat(change.brokenIds()).containsExactly(RunningSample.ADD_BOOK, RunningSample.ON_BOOK_ADDED);
		assertThat(change.broken().get(0).describe()).startsWith("AddBook (id '" + RunningSample.ADD_BOOK)
			.contains("isbn");
		assertThat(change.broken().get(1).describe()).startsWith("OnBookAdded").contains("bookAdded");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(change::assertBreaksNothing)
			.withMessageStartingWith("The schema change breaks 2 of 5 persisted documents");
	}

	@Test
	void additiveChangeBreaksNothing() throws IOException {
		GraphQLSchema added = SchemaFiles
			.load(changedSchema("    author: String!\n}", "    author: String!\n    isbn: String\n}"));
		PersistedDocuments.directory(DOCUMENTS).compare(SchemaFiles.load(SCHEMA), added).assertBreaksNothing();
	}

	private Path changedSchema(String replaced, String replacement) throws IOException {
		String schema = Files.readString(SCHEMA);
		assertThat(schema).contains(replaced);
		return Files.writeString(this.directory.resolve("schema.graphqls"), schema.replace(replaced, replacement));
	}

}
