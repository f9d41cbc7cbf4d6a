package dev.persistedops.maven.operation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import graphql.language.OperationDefinition.Operation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.graphql.support.ResourceDocumentSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ClientOperationLoader}.
 */
class ClientOperationLoaderTests {

	@TempDir
	Path documents;

	private List<ClientOperation> load() throws Exception {
		return new ClientOperationLoader(this.documents, ResourceDocumentSource.FILE_EXTENSIONS).load();
	}

	private Path write(String name, String text) throws IOException {
		Path file = this.documents.resolve(name);
		Files.createDirectories(file.getParent());
		return Files.write(file, text.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void bodyIsTheFileTextAsItIsAndOperationsAreSortedByName() throws Exception {
		write("zeta.graphql", "query Alpha {\r\n  books { title } # « livres »\r\n}");
		write("nested/deeper/alpha.gql", "mutation Zeta { addBook(title: \"é\", author: \"ü\") { id } }\n");
		List<ClientOperation> operations = load();
		assertThat(operations).extracting(ClientOperation::name).containsExactly("Alpha", "Zeta");
		assertThat(operations.get(0).body()).isEqualTo("query Alpha {\r\n  books { title } # « livres »\r\n}");
		assertThat(operations.get(0).documentName()).isEqualTo("zeta");
		assertThat(operations.get(0).type()).isEqualTo(Operation.QUERY);
		assertThat(operations.get(1).documentName()).isEqualTo("nested/deeper/alpha");
		assertThat(operations.get(1).typeName()).isEqualTo("mutation");
	}

	@Test
	void fragmentsInTheSameDocumentTravelWithTheOperation() throws Exception {
		String text = "query Book { book(id: 1) { ...Fields } }\nfragment Fields on Book { title }\n";
		write("book.graphql", text);
		assertThat(load()).singleElement().satisfies((operation) -> {
			assertThat(operation.name()).isEqualTo("Book");
			assertThat(operation.body()).isEqualTo(text);
		});
	}

	@Test
	void filesWithOtherExtensionsAndHiddenFilesAreNotDocuments() throws Exception {
		write("book.graphql", "query Book { books { id } }");
		write("notes.txt", "not a document");
		write(".book.graphql.swp", "not a document");
		write(".hidden/other.graphql", "query Hidden { books { id } }");
		assertThat(load()).extracting(ClientOperation::name).containsExactly("Book");
	}

	@Test
	void everyProblemIsReportedNamingItsFile() throws IOException {
		Path empty = write("empty.graphql", "  \n");
		Path schema = write("schema.graphql", "type Query { books: [String] }");
		Path subscription = write("anonymous.graphql", "subscription { bookAdded { id } }");
		assertThatExceptionOfType(InvalidDocumentsException.class).isThrownBy(this::load)
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactlyInAnyOrder(
					empty + " is empty; a document holds one named operation",
					schema + " holds a ObjectTypeDefinition, which is not part of an operation; "
							+ "a document holds one operation and its fragments",
					subscription + " holds an anonymous subscription; give it a name, by which the manifest and "
							+ "the server's reports list it"))
			.withMessageStartingWith("3 problems with the GraphQL documents:");
	}

	@Test
	void missingDirectoryIsReported() {
		Path missing = this.documents.resolve("missing");
		assertThatExceptionOfType(InvalidDocumentsException.class)
			.isThrownBy(() -> new ClientOperationLoader(missing, List.of(".graphql")).load())
			.withMessageContaining("The documents directory " + missing + " does not exist");
	}

}
