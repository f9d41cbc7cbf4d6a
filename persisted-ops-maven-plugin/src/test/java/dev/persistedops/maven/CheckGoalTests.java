package dev.persistedops.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.persistedops.maven.test.MavenBuild;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code check} goal in real Maven builds of a client project: validation against
 * schema files, and the comparison with a previous manifest.
 */
class CheckGoalTests {

	@TempDir
	Path work;

	private MavenBuild build;

	private Path project;

	@BeforeEach
	void copyProject() {
		this.build = MavenBuild.copyOf(Path.of("src/test/projects/documents"), this.work);
		this.project = this.build.projectDirectory();
	}

	@Test
	void verifyExportsThenChecksAndPasses() {
		MavenBuild.Result result = this.build.run("verify");
		assertThat(result.exitCode()).as(result.output()).isZero();
		String output = result.output();
		assertThat(output.indexOf(":export (default) @ documents")).isPositive()
			.isLessThan(output.indexOf(":check (default) @ documents"));
		assertThat(output).contains("4 operations are valid against the schema in [" + this.project.resolve("schema"));
	}

	@Test
	void operationUsingARemovedFieldFailsTheBuildNamingIt() throws IOException {
		Path schema = this.project.resolve("schema/library.graphqls");
		String withAuthor = Files.readString(schema);
		String withoutAuthor = withAuthor.replace("    title: String!\n    author: String!\n", "    title: String!\n");
		assertThat(withoutAuthor).isNotEqualTo(withAuthor);
		Files.writeString(schema, withoutAuthor);
		MavenBuild.Result result = this.build.run("verify");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).contains("1 of 4 operations are not valid against the schema in")
			.contains("  - BookById (" + this.project.resolve("src/main/resources/graphql-documents/bookById.graphql")
					+ "): Validation error (FieldUndefined@[BookFields/author]) : Field 'author' in type 'Book' is undefined")
			.doesNotContain("  - BooksBy")
			.doesNotContain("  - AddBook")
			.doesNotContain("\tat ");
	}

	@Test
	void reportsTheOperationsAddedAndRemovedSinceAPreviousManifest() throws IOException {
		assertThat(this.build.run("process-resources").exitCode()).isZero();
		Path previous = Files.copy(this.project.resolve("target/persisted-operations/persisted-query-manifest.json"),
				this.work.resolve("previous.json"));
		Path documents = this.project.resolve("src/main/resources/graphql-documents");
		Files.delete(documents.resolve("admin/addBook.gql"));
		Files.writeString(documents.resolve("firstBooks.graphql"), "query FirstBooks { books(first: 2) { title } }\n");
		MavenBuild.Result result = this.build.property("persisted-ops.previousManifest", previous.toString())
			.run("persisted-ops:check");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).contains("Compared with " + previous + ": 1 added, 1 removed")
			.containsPattern("added: FirstBooks \\([0-9a-f]{64}\\)")
			.containsPattern("removed: AddBook \\([0-9a-f]{64}\\)");
	}

	@Test
	void schemaFileThatIsNotSdlFailsTheBuildNamingIt() throws IOException {
		Files.writeString(this.project.resolve("schema/library.graphqls"), "type Query {\n  book(id: ID!: Book\n}\n");
		MavenBuild.Result result = this.build.run("verify");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output())
			.contains(this.project.resolve("schema/library.graphqls") + " is not a valid schema file")
			.doesNotContain("\tat ");
	}

	@Test
	void schemaFilesAndSchemaUrlTogetherFailTheBuild() {
		MavenBuild.Result result = this.build.property("persisted-ops.schemaUrl", "http://localhost:8080/graphql")
			.run("persisted-ops:check");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).contains(
				"Set either schemaFiles (persisted-ops.schemaFiles) or schemaUrl (persisted-ops.schemaUrl) to check the operations against, not both");
	}

}
