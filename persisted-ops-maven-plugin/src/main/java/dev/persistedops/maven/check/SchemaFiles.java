package dev.persistedops.maven.check;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import graphql.schema.idl.errors.SchemaProblem;

/**
 * Builds a schema from SDL files, as a server's schema files are: each file given, and
 * every {@code .graphqls} or {@code .gqls} file under each directory given (Spring Boot's
 * default schema file extensions), merged into one schema. It only needs to validate
 * operations, so nothing is wired to run.
 */
public final class SchemaFiles {

	private static final List<String> EXTENSIONS = List.of(".graphqls", ".gqls");

	private SchemaFiles() {
	}

	/**
	 * Build the schema from the given files and directories.
	 * @throws InvalidSchemaException naming the file, if one is missing or is not valid
	 * SDL, or if the files together are not a valid schema
	 * @throws IOException if a file cannot be read
	 */
	public static GraphQLSchema load(List<Path> locations) throws InvalidSchemaException, IOException {
		List<Path> files = new ArrayList<>();
		for (Path location : locations) {
			files.addAll(filesAt(location));
		}
		if (files.isEmpty()) {
			throw new InvalidSchemaException("No schema files (" + String.join(", ", EXTENSIONS) + ") in " + locations);
		}
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		for (Path file : files) {
			try {
				registry.merge(new SchemaParser().parse(Files.readString(file, StandardCharsets.UTF_8)));
			}
			catch (SchemaProblem ex) {
				throw new InvalidSchemaException(file + " is not a valid schema file: " + ex.getMessage());
			}
		}
		try {
			return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
		}
		catch (SchemaProblem ex) {
			throw new InvalidSchemaException(
					"The schema files " + files + " are not a valid schema: " + ex.getMessage());
		}
	}

	private static List<Path> filesAt(Path location) throws InvalidSchemaException, IOException {
		if (Files.isRegularFile(location)) {
			return List.of(location);
		}
		if (!Files.isDirectory(location)) {
			throw new InvalidSchemaException("The schema file " + location + " does not exist");
		}
		try (Stream<Path> paths = Files.walk(location)) {
			return paths.filter(Files::isRegularFile)
				.filter((path) -> EXTENSIONS.stream().anyMatch((extension) -> path.toString().endsWith(extension)))
				.sorted()
				.toList();
		}
	}

}
