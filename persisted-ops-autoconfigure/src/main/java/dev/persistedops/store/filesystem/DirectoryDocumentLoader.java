package dev.persistedops.store.filesystem;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

import dev.persistedops.document.InvalidOperationIdException;
import dev.persistedops.document.OperationId;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.DocumentLoadException;
import dev.persistedops.store.DocumentLoader;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.Assert;

/**
 * Loads a directory of {@code <id>.graphql} files (Hot Chocolate's file system layout,
 * Strawberry Shake's export) from a {@code classpath:} or {@code file:} location. A sub-folder
 * is a namespace: {@code web/abc.graphql} is the document {@code web/abc}. The file's exact
 * content is the document.
 */
public final class DirectoryDocumentLoader implements DocumentLoader {

	private static final String EXTENSION = ".graphql";

	private final ResourcePatternResolver resolver;

	public DirectoryDocumentLoader(ResourcePatternResolver resolver) {
		Assert.notNull(resolver, "resolver is required");
		this.resolver = resolver;
	}

	/**
	 * Add every document found under the given location to the catalog.
	 * @param location a directory, such as {@code classpath:/persisted-operations/}
	 * @param catalog the catalog to add to
	 * @throws DocumentLoadException if the location is not a readable directory, or a file
	 * name is not a valid id
	 */
	@Override
	public void load(String location, DocumentCatalog.Builder catalog) {
		Resource root = this.resolver.getResource(location.endsWith("/") ? location : location + "/");
		checkReadableDirectory(location, root);
		try {
			String rootUrl = root.getURL().toString();
			Resource[] files = this.resolver.getResources(rootUrl + "**/*" + EXTENSION);
			Arrays.sort(files, Comparator.comparing(Resource::getDescription));
			for (Resource file : files) {
				String relative = file.getURL().toString().substring(rootUrl.length());
				OperationId id = idOf(relative, file);
				catalog.add(id, file.getContentAsString(StandardCharsets.UTF_8), file.getDescription());
			}
		}
		catch (IOException ex) {
			throw DocumentLoadException.location(location, "could not be read: " + ex.getMessage());
		}
	}

	private static void checkReadableDirectory(String location, Resource root) {
		if (!root.exists()) {
			throw DocumentLoadException.location(location, "does not exist");
		}
		if (root.isFile()) {
			try {
				File directory = root.getFile();
				if (!directory.isDirectory()) {
					throw DocumentLoadException.location(location, "is not a directory");
				}
				if (!directory.canRead() || !directory.canExecute()) {
					throw DocumentLoadException.location(location, "is not readable");
				}
			}
			catch (IOException ex) {
				throw DocumentLoadException.location(location, "could not be read: " + ex.getMessage());
			}
		}
	}

	private static OperationId idOf(String relativePath, Resource file) {
		String name = relativePath.substring(0, relativePath.length() - EXTENSION.length());
		try {
			return OperationId.of(name);
		}
		catch (InvalidOperationIdException ex) {
			throw DocumentLoadException.content(
					file.getDescription() + ": the file name '" + name + "' is not a valid id. " + ex.getMessage(), ex);
		}
	}

}
