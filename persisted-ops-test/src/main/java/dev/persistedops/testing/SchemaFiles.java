package dev.persistedops.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import graphql.schema.GraphQLSchema;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.graphql.execution.ConnectionTypeDefinitionConfigurer;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.util.Assert;

/**
 * Builds a schema from SDL files the way a Spring Boot application builds its own: each
 * file given, and every {@code .graphqls} or {@code .gqls} file under each directory
 * given (Spring Boot's default extensions), through Spring for GraphQL's schema builder
 * with the {@code Connection} types of pagination added as Spring Boot adds them. Nothing
 * is wired to run: the schema is for checking documents.
 */
public final class SchemaFiles {

	private static final List<String> EXTENSIONS = List.of(".graphqls", ".gqls");

	private static final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

	private SchemaFiles() {
	}

	/**
	 * Build the schema from files and directories given as {@code classpath:} or
	 * {@code file:} locations, such as {@code classpath:/graphql/}.
	 * @throws IllegalArgumentException if a location holds no schema file
	 */
	public static GraphQLSchema load(String... locations) {
		Assert.notEmpty(locations, "locations are required");
		List<Resource> resources = new ArrayList<>();
		for (String location : locations) {
			resources.addAll(resourcesAt(location));
		}
		return GraphQlSource.schemaResourceBuilder()
			.schemaResources(resources.toArray(Resource[]::new))
			.configureTypeDefinitions(new ConnectionTypeDefinitionConfigurer())
			.build()
			.schema();
	}

	/**
	 * Build the schema from files and directories on the file system.
	 * @throws IllegalArgumentException if a location holds no schema file
	 */
	public static GraphQLSchema load(Path... locations) {
		Assert.notEmpty(locations, "locations are required");
		List<String> urls = new ArrayList<>();
		for (Path location : locations) {
			urls.add(location.toAbsolutePath().toUri().toString());
		}
		return load(urls.toArray(String[]::new));
	}

	private static List<Resource> resourcesAt(String location) {
		try {
			Resource resource = resolver.getResource(location);
			if (resource.exists() && EXTENSIONS.stream().anyMatch(location::endsWith)) {
				return List.of(resource);
			}
			String directory = location.endsWith("/") ? location : location + "/";
			List<Resource> found = new ArrayList<>();
			for (String extension : EXTENSIONS) {
				for (Resource file : resolver.getResources(directory + "**/*" + extension)) {
					if (file.exists()) {
						found.add(file);
					}
				}
			}
			if (found.isEmpty()) {
				throw new IllegalArgumentException(
						"No schema files (" + String.join(", ", EXTENSIONS) + ") at " + location);
			}
			return found;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Schema files at " + location + " could not be read", ex);
		}
	}

}
