package dev.persistedops.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import graphql.schema.GraphQLSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.execution.DocumentValidationReport;
import dev.persistedops.store.DocumentLoadException;
import dev.persistedops.store.memory.InMemoryOperationDocumentStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PersistedDocuments}, {@link SchemaFiles} and {@link SchemaChange},
 * without a Spring context.
 */
class PersistedDocumentsTests {

	private static final String DOCUMENTS = "classpath:/shelf/persisted-operations/";

	private static final String GET_BOOK_MD5 = "65089f1ede558aa7bf2ce7ce27c183c9";

	private static final GraphQLSchema SCHEMA = SchemaFiles.load("classpath:/shelf/graphql/");

	@TempDir
	Path directory;

	@Test
	void exportedDirectoryIsValidAgainstItsSchemaWithSpringsConnectionTypes() {
		PersistedDocuments documents = PersistedDocuments.directory(DOCUMENTS);
		assertThat(documents.documents()).containsOnlyKeys(GET_BOOK_MD5, "web/titles");
		documents.assertValidAgainst(SCHEMA);
	}

	@Test
	void fieldRemovedFromTheSchemaFailsNamingTheOperationItsFileAndTheField() throws IOException {
		GraphQLSchema withoutAuthor = SchemaFiles.load(schemaWithout("    author: String!\n"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> PersistedDocuments.directory(DOCUMENTS).assertValidAgainst(withoutAuthor))
			.withMessageStartingWith("1 of 2 persisted documents in " + DOCUMENTS + " is not valid against the schema:")
			.withMessageContaining(" - GetBook (id '" + GET_BOOK_MD5 + "', file [")
			.withMessageContaining("shelf/persisted-operations/" + GET_BOOK_MD5 + ".graphql]): ")
			.withMessageContaining("Field 'author' in type 'Book' is undefined")
			.withMessageNotContaining("Titles");
	}

	@Test
	void reportListsEachInvalidDocument() throws IOException {
		DocumentValidationReport report = PersistedDocuments.directory(DOCUMENTS)
			.validateAgainst(SchemaFiles.load(schemaWithout("    title: String!\n")));
		assertThat(report.invalid()).extracting("id").containsExactly(GET_BOOK_MD5, "web/titles");
	}

	@Test
	void manifestIsCheckedNamingItsEntries() throws IOException {
		Path manifest = Files.writeString(this.directory.resolve("persisted_queries.json"),
				"{\"ok\": \"query Ok { book(id: 1) { id } }\", \"stale\": \"query Stale { book(id: 1) { isbn } }\"}");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> PersistedDocuments.manifest(manifest).assertValidAgainst(SCHEMA))
			.withMessageStartingWith("1 of 2 persisted documents in file:" + manifest + " is not valid")
			.withMessageContaining(" - Stale (id 'stale', URL [file:" + manifest + "]): ")
			.withMessageContaining("Field 'isbn' in type 'Book' is undefined");
	}

	@Test
	void tamperedFileFailsAsTheServerWouldFailToLoadIt() throws IOException {
		Files.writeString(this.directory.resolve(GET_BOOK_MD5 + ".graphql"), "query GetBook { book(id: 1) { id } }");
		assertThatExceptionOfType(DocumentLoadException.class)
			.isThrownBy(() -> PersistedDocuments.directory(this.directory))
			.withMessageContaining("is not the md5 hex of its text");
	}

	@Test
	void noDocumentsIsAFailureRatherThanAPass() {
		PersistedDocuments none = PersistedDocuments.directory(this.directory);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> none.assertValidAgainst(SCHEMA))
			.withMessageContaining("There are no persisted documents in")
			.withMessageContaining("a check of no documents proves nothing");
	}

	@Test
	void storeThatListsItsDocumentsIsChecked() {
		InMemoryOperationDocumentStore store = new InMemoryOperationDocumentStore();
		store.save(OperationId.of("stale"), "query Stale { book(id: 1) { isbn } }");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> PersistedDocuments.inStore(store).assertValidAgainst(SCHEMA))
			.withMessageContaining("1 of 1 persisted documents in the store is not valid")
			.withMessageContaining("Stale (id 'stale'): ");
	}

	@Test
	void storeThatCannotListItsDocumentsIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> PersistedDocuments.inStore((id) -> Mono.empty()))
			.withMessageContaining("cannot list its documents");
	}

	@Test
	void comparisonNamesExactlyTheOperationsTheChangeBreaks() throws IOException {
		GraphQLSchema after = SchemaFiles.load(Files.writeString(this.directory.resolve("after.graphqls"), """
				type Query {
				    book(id: ID!, edition: Int): Book
				    books(first: Int!, after: String): BookConnection
				}

				type Book {
				    id: ID!
				    title: String!
				    writer: String!
				    isbn: String
				}
				"""));
		SchemaChange change = PersistedDocuments.directory(DOCUMENTS).compare(SCHEMA, after);
		assertThat(change.brokenIds()).containsExactly(GET_BOOK_MD5);
		assertThat(change.breaksNothing()).isFalse();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(change::assertBreaksNothing)
			.withMessageStartingWith("The schema change breaks 1 of 2 persisted documents in " + DOCUMENTS + ":")
			.withMessageContaining("GetBook (id '" + GET_BOOK_MD5 + "'")
			.withMessageContaining("Field 'author' in type 'Book' is undefined");
	}

	@Test
	void comparisonDoesNotBlameAChangeForDocumentsThatWereAlreadyInvalid() throws IOException {
		Files.writeString(this.directory.resolve("old.graphql"), "query Old { book(id: 1) { isbn } }");
		Files.writeString(this.directory.resolve("titles.graphql"), "query Titles { book(id: 1) { title } }");
		GraphQLSchema after = SchemaFiles.load(schemaWithout("    author: String!\n"));
		SchemaChange change = PersistedDocuments.directory(this.directory).compare(SCHEMA, after);
		assertThat(change.breaksNothing()).isTrue();
		assertThat(change.invalidBefore()).extracting("id").containsExactly("old");
		change.assertBreaksNothing();
	}

	@Test
	void schemaFilesThatDoNotExistAreReported() {
		assertThatIllegalArgumentException().isThrownBy(() -> SchemaFiles.load(this.directory))
			.withMessageContaining("No schema files (.graphqls, .gqls) at");
	}

	private Path schemaWithout(String line) throws IOException {
		String schema = Files.readString(Path.of("src/test/resources/shelf/graphql/schema.graphqls"));
		assertThat(schema).contains(line);
		return Files.writeString(this.directory.resolve("schema.graphqls"), schema.replace(line, ""));
	}

}
