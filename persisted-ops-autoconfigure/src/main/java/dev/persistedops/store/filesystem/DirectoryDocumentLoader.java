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
import dev.persistedops.store.DocumentLoadException.Kind;
import dev.persistedops.store.DocumentLoader;
import dev.persistedops.store.MissingLocation;

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
 * {@code .} are ignored. Symbolic links are followed; a link that loops fails the load.
 * <p>
 * A directory that holds a {@code ..data} link is a Kubernetes ConfigMap (or Secret)
 * volume: its files are links into {@code ..data}, a link to a timestamped folder that
 * Kubernetes swaps for a new one, in one rename, when the ConfigMap changes. Such a
 * directory is read through {@code ..data}, resolved once, so that a load sees the files
 * of one version of the volume even while it is being swapped.
 */
public final class DirectoryDocumentLoader implements DocumentLoader {

	private static final Log logger = LogFactory.getLog(DirectoryDocumentLoader.class);

	private static final String EXTENSION = ".graphql";

	private static final String MANIFEST_EXTENSION = ".json";

	private static final String CONFIG_MAP_DATA = "..data";

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
			if (isFile(this.resolver.getResource(location))) {
				throw isAFile(location);
			}
			throw MissingLocation.of(location, this.resolver, "does not exist");
		}
		try {
			Listing listing = root.isFile() ? walkDirectory(location, root) : findInArchive(root);
			checkForManifests(location, listing);
			List<Map.Entry<String, DocumentFile>> files = List.copyOf(listing.documents().entrySet());
			// Read in parallel where there are cores to read with; added in order.
			List<String> texts = files.parallelStream().map((file) -> file.getValue().read()).toList();
			for (int i = 0; i < files.size(); i++) {
				DocumentFile file = files.get(i).getValue();
				catalog.add(idOf(files.get(i).getKey(), file), texts.get(i), file.description());
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw DocumentLoadException.location(location, "could not be read: " + ex);
		}
	}

	private static boolean isFile(Resource resource) {
		try {
			return resource.exists() && (resource.isFile() ? Files.isRegularFile(resource.getFile().toPath())
					: resource.isReadable() && resource.contentLength() > 0);
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static DocumentLoadException isAFile(String location) {
		return DocumentLoadException.location(Kind.LOCATION_IS_A_FILE, location,
				"is not a directory but a file; a directory store reads the <id>" + EXTENSION + " files of a directory",
				List.of(location));
	}

	/**
	 * Manifests where documents are expected are a store type mix-up: with nothing else,
	 * the load fails and says so; next to documents, they are only ignored, which is said
	 * too.
	 */
	private static void checkForManifests(String location, Listing listing) {
		if (listing.manifests().isEmpty()) {
			if (listing.documents().isEmpty()) {
				logger.warn("No persisted documents (*" + EXTENSION + " files) found in " + location);
			}
			return;
		}
		String directory = location.endsWith("/") ? location : location + "/";
		List<String> manifests = listing.manifests().stream().map((name) -> directory + name).toList();
		if (listing.documents().isEmpty()) {
			throw DocumentLoadException.location(
					Kind.LOCATION_HOLDS_MANIFESTS, location, "holds manifests " + listing.manifests() + " and no <id>"
							+ EXTENSION + " files; a directory store reads only <id>" + EXTENSION + " files",
					manifests);
		}
		logger.warn(location + " also holds " + listing.manifests() + ", which a directory store does not read: "
				+ "to serve them, load them as manifests");
	}

	private static Listing walkDirectory(String location, Resource root) throws IOException {
		Path given = root.getFile().toPath().toAbsolutePath().normalize();
		if (!Files.isDirectory(given)) {
			throw isAFile(location);
		}
		if (!Files.isReadable(given) || !Files.isExecutable(given)) {
			throw DocumentLoadException.location(location, "is not readable");
		}
		Path directory = configMapData(given);
		// The walk gives every path with the directory's own path as its prefix.
		String prefix = directory.toString().endsWith(directory.getFileSystem().getSeparator()) ? directory.toString()
				: directory + directory.getFileSystem().getSeparator();
		List<Path> found = new ArrayList<>();
		List<String> manifests = new ArrayList<>();
		Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
				new SimpleFileVisitor<>() {

					@Override
					public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
						return (!dir.equals(directory) && isHidden(dir)) ? FileVisitResult.SKIP_SUBTREE
								: FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
						if (attributes.isRegularFile() && !isHidden(file)) {
							String name = file.getFileName().toString();
							if (name.endsWith(EXTENSION)) {
								found.add(file);
							}
							else if (name.endsWith(MANIFEST_EXTENSION)) {
								manifests.add(relative(prefix, file));
							}
						}
						return FileVisitResult.CONTINUE;
					}

					@Override
					public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
						throw ex;
					}

				});
		Map<String, DocumentFile> files = new TreeMap<>();
		for (Path file : found) {
			files.put(relative(prefix, file), new DiskFile(file));
		}
		return new Listing(files, manifests.stream().sorted().toList());
	}

	/**
	 * Return the folder a ConfigMap volume's {@code ..data} link points to now, or the
	 * directory itself if it is not such a volume.
	 */
	private static Path configMapData(Path directory) throws IOException {
		Path data = directory.resolve(CONFIG_MAP_DATA);
		return (Files.isSymbolicLink(data) && Files.isDirectory(data)) ? data.toRealPath() : directory;
	}

	/**
	 * Return the path of a file found under a directory relative to it, given the
	 * directory's path ending with a separator.
	 */
	private static String relative(String directoryPrefix, Path file) {
		return file.toString().substring(directoryPrefix.length()).replace(file.getFileSystem().getSeparator(), "/");
	}

	private static boolean isHidden(Path path) {
		return path.getFileName().toString().startsWith(".");
	}

	private Listing findInArchive(Resource root) throws IOException {
		String rootUrl = root.getURL().toString();
		Map<String, DocumentFile> files = new TreeMap<>();
		for (Map.Entry<String, Resource> file : findInArchive(rootUrl, EXTENSION).entrySet()) {
			files.put(file.getKey(), new ArchiveEntry(file.getValue()));
		}
		return new Listing(files, List.copyOf(findInArchive(rootUrl, MANIFEST_EXTENSION).keySet()));
	}

	private Map<String, Resource> findInArchive(String rootUrl, String extension) throws IOException {
		Map<String, Resource> files = new TreeMap<>();
		for (Resource file : this.resolver.getResources(rootUrl + "**/*" + extension)) {
			String relative = UriUtils.decode(file.getURL().toString().substring(rootUrl.length()),
					StandardCharsets.UTF_8);
			if (!relative.startsWith(".") && !relative.contains("/.")) {
				files.put(relative, file);
			}
		}
		return files;
	}

	private static OperationId idOf(String relativePath, DocumentFile file) {
		String name = relativePath.substring(0, relativePath.length() - EXTENSION.length());
		try {
			return OperationId.of(name);
		}
		catch (InvalidOperationIdException ex) {
			throw DocumentLoadException.malformed(
					file.description() + ": the file name '" + name + "' is not a valid id. " + ex.getMessage(), ex);
		}
	}

	/**
	 * What a location holds: documents by their path relative to it, and manifests.
	 */
	private record Listing(Map<String, DocumentFile> documents, List<String> manifests) {
	}

	/**
	 * A document file: where it is, for messages, and its text.
	 */
	private interface DocumentFile {

		String description();

		/**
		 * Read the file's text, as UTF-8.
		 * @throws UncheckedIOException if it cannot be read
		 */
		String read();

	}

	/**
	 * A file on disk, described as {@link FileSystemResource} describes it.
	 */
	private record DiskFile(Path path) implements DocumentFile {

		@Override
		public String description() {
			return "file [" + this.path + "]";
		}

		@Override
		public String read() {
			try {
				return Files.readString(this.path, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/**
	 * An entry of an archive on the classpath.
	 */
	private record ArchiveEntry(Resource resource) implements DocumentFile {

		@Override
		public String description() {
			return this.resource.getDescription();
		}

		@Override
		public String read() {
			try {
				return this.resource.getContentAsString(StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
