package dev.persistedops.store.filesystem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.persistedops.document.InvalidOperationIdException;
import dev.persistedops.document.OperationId;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.DocumentLoadException;
import dev.persistedops.store.DocumentLoader;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.Assert;
import org.springframework.web.util.UriUtils;

/**
 * Loads a directory of {@code <id>.graphql} files (Hot Chocolate's file system layout,
 * Strawberry Shake's export) from a {@code classpath:} or {@code file:} location. A
 * sub-folder is a namespace: {@code web/abc.graphql} is the document {@code web/abc}. The
 * file's exact content is the document. Files and folders whose names start with
 * {@code .} are ignored, which also skips the {@code ..data} folders of a Kubernetes
 * ConfigMap volume. Symbolic links are followed; a link that loops fails the load.
 */
public final class DirectoryDocumentLoader implements DocumentLoader {

	private static final Log logger = LogFactory.getLog(DirectoryDocumentLoader.class);

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
	 * @throws DocumentLoadException if the location is not a readable directory, cannot
	 * be walked, or holds a file whose name is not a valid id
	 */
	@Override
	public void load(String location, DocumentCatalog.Builder catalog) {
		Resource root = this.resolver.getResource(location.endsWith("/") ? location : location + "/");
		if (!root.exists()) {
			throw DocumentLoadException.location(location, "does not exist");
		}
		try {
			Map<String, Resource> files = root.isFile() ? walkDirectory(location, root) : findInArchive(root);
			if (files.isEmpty()) {
				logger.warn("No persisted documents (*" + EXTENSION + " files) found in " + location);
			}
			for (Map.Entry<String, Resource> file : files.entrySet()) {
				OperationId id = idOf(file.getKey(), file.getValue());
				catalog.add(id, file.getValue().getContentAsString(StandardCharsets.UTF_8),
						file.getValue().getDescription());
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw DocumentLoadException.location(location, "could not be read: " + ex);
		}
	}

	private static Map<String, Resource> walkDirectory(String location, Resource root) throws IOException {
		Path directory = root.getFile().toPath().toAbsolutePath().normalize();
		if (!Files.isDirectory(directory)) {
			throw DocumentLoadException.location(location, "is not a directory");
		}
		if (!Files.isReadable(directory) || !Files.isExecutable(directory)) {
			throw DocumentLoadException.location(location, "is not readable");
		}
		List<Path> found = new ArrayList<>();
		Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
				new SimpleFileVisitor<>() {

					@Override
					public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
						return (!dir.equals(directory) && isHidden(dir)) ? FileVisitResult.SKIP_SUBTREE
								: FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
						if (attributes.isRegularFile() && !isHidden(file)
								&& file.getFileName().toString().endsWith(EXTENSION)) {
							found.add(file);
						}
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
						throw ex;
					}

				});
		Map<String, Resource> files = new TreeMap<>();
		for (Path file : found) {
			String relative = directory.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
			files.put(relative, new FileSystemResource(file));
		}
		return files;
	}

	private static boolean isHidden(Path path) {
		return path.getFileName().toString().startsWith(".");
	}

	private Map<String, Resource> findInArchive(Resource root) throws IOException {
		String rootUrl = root.getURL().toString();
		Map<String, Resource> files = new TreeMap<>();
		for (Resource file : this.resolver.getResources(rootUrl + "**/*" + EXTENSION)) {
			String relative = UriUtils.decode(file.getURL().toString().substring(rootUrl.length()),
					StandardCharsets.UTF_8);
			if (!relative.startsWith(".") && !relative.contains("/.")) {
				files.put(relative, file);
			}
		}
		return files;
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
