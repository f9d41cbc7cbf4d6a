package dev.persistedops.store.filesystem;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import dev.persistedops.document.InvalidOperationIdException;
import dev.persistedops.document.OperationId;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.DocumentFinder;
import dev.persistedops.store.DocumentLoadException;
import dev.persistedops.store.DocumentLoadException.Kind;
import dev.persistedops.store.DocumentLoader;
import dev.persistedops.store.MissingLocation;
import dev.persistedops.store.UnreadDocument;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;
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
 * <p>
 * The files of a directory are read at once, or only listed and read on their first use
 * ({@link FileReading}), or not even listed: found by id on their first use, the location
 * listed only when every document is asked for. Entries of an archive are read at once,
 * unless the location is not listed. Files read on their first use are read through a
 * ConfigMap volume's {@code ..data} link as it is then, since Kubernetes deletes the
 * folder it pointed to once it has swapped it.
 */
public final class DirectoryDocumentLoader implements DocumentLoader {

	private static final Log logger = LogFactory.getLog(DirectoryDocumentLoader.class);

	private static final String EXTENSION = ".graphql";

	private static final String MANIFEST_EXTENSION = ".json";

	private static final String CONFIG_MAP_DATA = "..data";

	/**
	 * The buffer a file is read into: documents are most often smaller, and a
	 * {@link FileInputStream} reads up to this much without allocating a buffer of its
	 * own.
	 */
	private static final int READ_BUFFER_SIZE = 8192;

	private final ResourcePatternResolver resolver;

	private final FileReading reading;

	/**
	 * Create a loader that reads every file at once.
	 * @param resolver resolves locations
	 */
	public DirectoryDocumentLoader(ResourcePatternResolver resolver) {
		this(resolver, FileReading.AT_STARTUP);
	}

	/**
	 * Create a loader that reads the files of a directory when the given mode says.
	 * @param resolver resolves locations
	 * @param reading when the files of a directory are read
	 */
	public DirectoryDocumentLoader(ResourcePatternResolver resolver, FileReading reading) {
		Assert.notNull(resolver, "resolver is required");
		Assert.notNull(reading, "reading is required");
		this.resolver = resolver;
		this.reading = reading;
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
			if (this.reading == FileReading.ON_FIRST_USE_UNLISTED) {
				catalog.addUnlisted(root.isFile() ? new DirectoryFinder(location, folderOf(location, root, true))
						: new ArchiveFinder(location, root));
				return;
			}
			boolean onFirstUse = this.reading == FileReading.ON_FIRST_USE;
			Listing listing = root.isFile() ? walkDirectory(location, root, onFirstUse) : findInArchive(root);
			checkForManifests(location, listing);
			if (onFirstUse && listing.walk() != null) {
				for (DocumentFile file : listing.documents()) {
					catalog.addUnread(idOf(file), file);
				}
				return;
			}
			for (Document document : read(listing)) {
				catalog.add(idOf(document.file()), document.text(), document.file().describer());
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw DocumentLoadException.location(location, "could not be read: " + ex);
		}
	}

	/**
	 * Read every document of a listing, in parallel where there are cores to read with. A
	 * document name that turns out to be a folder is walked, and its documents are read
	 * too.
	 */
	private static List<Document> read(Listing listing) throws IOException {
		List<Document> documents = new ArrayList<>(listing.documents().size());
		List<DocumentFile> pending = listing.documents();
		Walk walk = listing.walk();
		while (!pending.isEmpty()) {
			List<DocumentFile> files = pending;
			@Nullable String[] texts = readAll(files);
			List<DocumentFile> found = new ArrayList<>();
			for (int i = 0; i < files.size(); i++) {
				DocumentFile file = files.get(i);
				String text = texts[i];
				if (text != null) {
					documents.add(new Document(file, text));
				}
				else if (walk != null && file instanceof DiskFile disk && Files.isDirectory(disk.path())) {
					walk.directory(disk.folder().inside(disk.path(), disk.fileName()), found);
				}
			}
			pending = found;
		}
		return documents;
	}

	/**
	 * Read the given files, in slices read in parallel, each with a buffer of its own:
	 * read into a buffer, a file takes two calls into the system fewer than read on its
	 * own, which counts for 100,000 files read at startup.
	 * @return the text of each file, or {@code null} where it is not a file after all
	 */
	private static @Nullable String[] readAll(List<DocumentFile> files) {
		@Nullable String[] texts = new String[files.size()];
		int slices = Math.min(files.size(), 4 * ForkJoinPool.getCommonPoolParallelism());
		IntStream.range(0, slices).parallel().forEach((slice) -> {
			byte[] buffer = new byte[READ_BUFFER_SIZE];
			int end = (int) ((long) files.size() * (slice + 1) / slices);
			for (int i = (int) ((long) files.size() * slice / slices); i < end; i++) {
				texts[i] = files.get(i).readIfFile(buffer);
			}
		});
		return texts;
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

	private static Listing walkDirectory(String location, Resource root, boolean lookAtDocuments) throws IOException {
		return walkDirectory(folderOf(location, root, lookAtDocuments), lookAtDocuments);
	}

	private static Listing walkDirectory(Folder root, boolean lookAtDocuments) throws IOException {
		Walk walk = new Walk(lookAtDocuments);
		List<DocumentFile> documents = new ArrayList<>();
		walk.directory(root, documents);
		return new Listing(documents, walk.manifests.stream().sorted().toList(), walk);
	}

	/**
	 * Return the folder of a location, read through a ConfigMap volume's {@code ..data}
	 * link as it is when each file is read if they are read on their first use.
	 * @throws DocumentLoadException if it is not a readable directory
	 */
	private static Folder folderOf(String location, Resource root, boolean readOnFirstUse) throws IOException {
		Path given = root.getFile().toPath().toAbsolutePath().normalize();
		if (!Files.isDirectory(given)) {
			throw isAFile(location);
		}
		if (!Files.isReadable(given) || !Files.isExecutable(given)) {
			throw DocumentLoadException.location(location, "is not readable");
		}
		return Folder.root(configMapData(given, !readOnFirstUse));
	}

	/**
	 * Return the folder of a ConfigMap volume's files: the folder its {@code ..data} link
	 * points to now if asked to resolve it, else the link itself; or the directory itself
	 * if it is not such a volume.
	 * @param directory the directory
	 * @param resolve whether to resolve the link: files read at once are then of one
	 * version of the volume; files read on their first use stay readable through the link
	 * after Kubernetes has swapped it and deleted the folder it pointed to
	 */
	private static Path configMapData(Path directory, boolean resolve) throws IOException {
		Path data = directory.resolve(CONFIG_MAP_DATA);
		if (!Files.isSymbolicLink(data) || !Files.isDirectory(data)) {
			return directory;
		}
		return resolve ? data.toRealPath() : data;
	}

	private Listing findInArchive(Resource root) throws IOException {
		String rootUrl = root.getURL().toString();
		List<DocumentFile> files = new ArrayList<>();
		for (Map.Entry<String, Resource> file : findInArchive(rootUrl, EXTENSION).entrySet()) {
			files.add(new ArchiveEntry(withoutExtension(file.getKey()), file.getValue()));
		}
		return new Listing(files, List.copyOf(findInArchive(rootUrl, MANIFEST_EXTENSION).keySet()), null);
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

	private static String withoutExtension(String fileName) {
		return fileName.substring(0, fileName.length() - EXTENSION.length());
	}

	/**
	 * Return the documents of a listing by key, leaving out, with a warning, a file whose
	 * name is not a valid id: a listing made after startup cannot stop the application.
	 * @throws DocumentLoadException if the location holds manifests and no documents
	 */
	private static Map<String, UnreadDocument> byKey(String location, Listing listing) {
		checkForManifests(location, listing);
		Map<String, UnreadDocument> documents = new HashMap<>((int) (listing.documents().size() / 0.75f) + 1);
		for (DocumentFile file : listing.documents()) {
			try {
				documents.put(idOf(file).key(), file);
			}
			catch (DocumentLoadException ex) {
				logger.warn("Ignoring a file whose name is not an id: " + ex.getProblems().get(0));
			}
		}
		return documents;
	}

	/**
	 * Whether an id names a hidden file or a file in a hidden folder, which a walk
	 * ignores.
	 */
	private static boolean isHidden(OperationId id) {
		return id.key().startsWith(".") || id.key().contains("/.");
	}

	private static OperationId idOf(DocumentFile file) {
		String name = file.name();
		try {
			return OperationId.of(name);
		}
		catch (InvalidOperationIdException ex) {
			throw DocumentLoadException
				.malformed(file.source() + ": the file name '" + name + "' is not a valid id. " + ex.getMessage(), ex);
		}
	}

	/**
	 * What a location holds: its document files (each named relative to it), its
	 * manifests, and the walk that found them in a directory ({@code null} in an
	 * archive).
	 */
	private record Listing(List<DocumentFile> documents, List<String> manifests, @Nullable Walk walk) {
	}

	/**
	 * Finds the documents of a directory by id: {@code <id>.graphql} in the folder of the
	 * id's namespace, the one file system call a lookup of a file not there takes.
	 */
	private record DirectoryFinder(String location, Folder root) implements DocumentFinder {

		@Override
		public @Nullable UnreadDocument find(OperationId id) {
			if (isHidden(id)) {
				return null;
			}
			String key = id.key();
			Path path;
			try {
				path = this.root.path().resolve(key + EXTENSION);
			}
			catch (InvalidPathException ex) {
				return null;
			}
			// Where an id such as C:/x is a path of its own (Windows), it is not looked
			// up: a path built from an id stays inside the location.
			if (!path.startsWith(this.root.path())) {
				return null;
			}
			int slash = key.lastIndexOf('/');
			Folder folder = (slash != -1) ? this.root.at(key.substring(0, slash + 1)) : this.root;
			String localName = key.substring(slash + 1);
			if (!new File(folder.file(), localName + EXTENSION).isFile() || !isNamedExactly(path, key)) {
				return null;
			}
			return new DiskFile(folder, localName);
		}

		/**
		 * Whether the file the path names has that name in the same case, as a listing
		 * would name it: a file system that ignores case (Windows, macOS) finds
		 * {@code abc.graphql} under {@code ABC.graphql}, an id that would skip the hash
		 * check. One more call into the system, on a document's first lookup only.
		 */
		private boolean isNamedExactly(Path path, String key) {
			try {
				String real = path.toRealPath(LinkOption.NOFOLLOW_LINKS).toString().replace(File.separatorChar, '/');
				return real.endsWith("/" + key + EXTENSION);
			}
			catch (IOException ex) {
				return false;
			}
		}

		@Override
		public Map<String, UnreadDocument> list() {
			try {
				return byKey(this.location, walkDirectory(this.root, true));
			}
			catch (IOException | UncheckedIOException ex) {
				throw DocumentLoadException.location(this.location, "could not be listed: " + ex);
			}
		}

	}

	/**
	 * Finds the entries of an archive on the classpath by id.
	 */
	private final class ArchiveFinder implements DocumentFinder {

		private final String location;

		private final Resource root;

		private final String rootUrl;

		/**
		 * Create a finder of the archive that holds the given root, which it finds
		 * entries in, rather than in the first archive of the class path that has one of
		 * the name.
		 */
		ArchiveFinder(String location, Resource root) throws IOException {
			this.location = location;
			this.root = root;
			this.rootUrl = root.getURL().toString();
		}

		@Override
		public String location() {
			return this.location;
		}

		@Override
		public @Nullable UnreadDocument find(OperationId id) {
			if (isHidden(id)) {
				return null;
			}
			// Appended to the root's URL, never resolved against it: an id such as
			// file:/etc/x would resolve to a URL of its own.
			try {
				Resource entry = new UrlResource(this.rootUrl + id.key() + EXTENSION);
				return isFile(entry) ? new ArchiveEntry(id.key(), entry) : null;
			}
			catch (IOException ex) {
				return null;
			}
		}

		@Override
		public Map<String, UnreadDocument> list() {
			try {
				return byKey(this.location, findInArchive(this.root));
			}
			catch (IOException ex) {
				throw DocumentLoadException.location(this.location, "could not be listed: " + ex);
			}
		}

	}

	/**
	 * A document read from a location: its file and its text.
	 */
	private record Document(DocumentFile file, String text) {
	}

	/**
	 * Return the bytes of a full buffer followed by the rest of a stream.
	 */
	private static byte[] concat(byte[] buffer, FileInputStream rest) throws IOException {
		byte[] more = rest.readAllBytes();
		byte[] bytes = Arrays.copyOf(buffer, buffer.length + more.length);
		System.arraycopy(more, 0, bytes, buffer.length, more.length);
		return bytes;
	}

	/**
	 * Walks a directory for documents. Unless told to look at them, it takes a name
	 * ending in {@code .graphql} as a document without asking what it is, one file system
	 * call per document fewer than a file tree walk (reading it tells: a folder of that
	 * name is walked once the read finds it is one, a link to nothing is ignored); every
	 * other name is looked at, to find sub-folders and manifests. Links are followed; a
	 * link to a folder it is in fails the walk.
	 */
	private static final class Walk {

		private final List<String> manifests = new ArrayList<>();

		private final boolean lookAtDocuments;

		/**
		 * Create a walk.
		 * @param lookAtDocuments whether to ask what each {@code .graphql} name is, for
		 * documents that will not be read now
		 */
		Walk(boolean lookAtDocuments) {
			this.lookAtDocuments = lookAtDocuments;
		}

		/**
		 * Walk a folder, adding its documents under their path relative to the location.
		 * @param folder the folder
		 * @param documents where to add the documents found
		 * @throws FileSystemLoopException if a folder in it is one it is inside of
		 */
		void directory(Folder folder, List<DocumentFile> documents) throws IOException {
			// A DirectoryStream, not java.io.File's list: its entries keep the bytes of
			// names that are not text in the platform's encoding, and it fails on an
			// error part way through rather than return part of the folder.
			try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.path())) {
				for (Path entry : entries) {
					String name = entry.getFileName().toString();
					if (name.startsWith(".")) {
						continue;
					}
					boolean document = name.endsWith(EXTENSION);
					// A java.io.File answers "is it a file?" with one call into the
					// system and no view or attributes object, which counts for 100,000
					// files. A name it cannot find is looked at by its entry below.
					if (document && (!this.lookAtDocuments || new File(folder.file(), name).isFile())) {
						documents.add(new DiskFile(folder, withoutExtension(name)));
						continue;
					}
					BasicFileAttributes attributes = attributes(entry);
					if (attributes == null) {
						continue;
					}
					if (document && attributes.isRegularFile()) {
						documents.add(new DiskFile(folder, withoutExtension(name)));
					}
					else if (document && !attributes.isDirectory()) {
						logger.warn("Ignoring " + entry + ": it is not a file, nor a folder");
					}
					else if (attributes.isDirectory()) {
						directory(folder.inside(entry, name), documents);
					}
					else if (attributes.isRegularFile() && name.endsWith(MANIFEST_EXTENSION)) {
						this.manifests.add(folder.relative() + name);
					}
				}
			}
		}

		/**
		 * Return the attributes of what an entry of a folder is or links to, or
		 * {@code null} for a link to nothing.
		 */
		private static @Nullable BasicFileAttributes attributes(Path entry) throws IOException {
			try {
				return Files.readAttributes(entry, BasicFileAttributes.class);
			}
			catch (NoSuchFileException ex) {
				if (Files.isSymbolicLink(entry)) {
					return null;
				}
				throw ex;
			}
		}

	}

	/**
	 * A folder of a directory being walked: where it is, its path relative to the
	 * location (empty, or ending with {@code /}), and the file keys of the folders it is
	 * in and its own, to walk it without looping. Its documents share it.
	 */
	private record Folder(Path path, File file, String relative, List<Object> keys) {

		/**
		 * Return the folder of a location.
		 */
		static Folder root(Path path) throws IOException {
			return new Folder(path, path.toFile(), "", List.of(key(path)));
		}

		/**
		 * Return the folder at the given path relative to this one, to find a file in,
		 * not to walk: it holds no keys to find loops with.
		 * @param relative a relative path, ending with {@code /}
		 */
		Folder at(String relative) {
			Path path = this.path.resolve(relative);
			return new Folder(path, path.toFile(), this.relative + relative, List.of());
		}

		/**
		 * Return a folder inside this one.
		 * @throws FileSystemLoopException if it is this one or one this one is in
		 */
		Folder inside(Path path, String name) throws IOException {
			Object key = key(path);
			if (this.keys.contains(key)) {
				throw new FileSystemLoopException(path.toString());
			}
			List<Object> keys = new ArrayList<>(this.keys);
			keys.add(key);
			return new Folder(path, path.toFile(), this.relative + name + "/", List.copyOf(keys));
		}

		private static Object key(Path path) throws IOException {
			Object key = Files.readAttributes(path, BasicFileAttributes.class).fileKey();
			return (key != null) ? key : path;
		}

	}

	/**
	 * A document file: where it is, for messages, and its text.
	 */
	private interface DocumentFile extends UnreadDocument {

		/**
		 * Return the document's name: its path relative to the location, with {@code /}
		 * between folders, without the extension. It is the id the document is stored
		 * under.
		 */
		String name();

		/**
		 * Return where the file is, for messages: as {@link Resource#getDescription()}
		 * says it.
		 */
		String source();

		/**
		 * Return what describes the file in the catalog, for messages: a file on disk is
		 * described when asked, from the little it keeps; an archive entry, which would
		 * keep its resource, at once.
		 */
		Supplier<String> describer();

		/**
		 * Read the file's text, as UTF-8.
		 * @param buffer a buffer to read with, which the file may or may not use
		 * @return the text, or {@code null} if it is not a file after all
		 * @throws UncheckedIOException if it cannot be read
		 * @throws DocumentLoadException if it is not UTF-8
		 */
		@Nullable String readIfFile(byte[] buffer);

	}

	/**
	 * Return the text of a file's bytes, which must be UTF-8.
	 * @throws DocumentLoadException naming the file if they are not
	 */
	private static String utf8(byte[] bytes, DocumentFile file) {
		return utf8(bytes, bytes.length, file);
	}

	/**
	 * Return the text of the first bytes of an array, which must be UTF-8.
	 * @throws DocumentLoadException naming the file if they are not
	 */
	private static String utf8(byte[] bytes, int length, DocumentFile file) {
		String text = new String(bytes, 0, length, StandardCharsets.UTF_8);
		// Bytes that are not UTF-8 were replaced by U+FFFD: if there is one, the file
		// may hold it as written, or not be UTF-8.
		if (text.indexOf('\uFFFD') >= 0) {
			try {
				StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length));
			}
			catch (CharacterCodingException ex) {
				throw DocumentLoadException.malformed(file.source() + " is not UTF-8 text: " + ex.getMessage(), ex);
			}
		}
		return text;
	}

	/**
	 * A file on disk, by its folder and its name without the extension (the id's last
	 * segment), described as {@link FileSystemResource} describes it. Listed and read on
	 * its first use, it is the catalog's {@link UnreadDocument}: its path and source are
	 * built only when asked for, so that a listed file holds no more than its name.
	 */
	private record DiskFile(Folder folder, String localName) implements DocumentFile {

		String fileName() {
			return this.localName + EXTENSION;
		}

		Path path() {
			return this.folder.path().resolve(fileName());
		}

		@Override
		public String name() {
			// At the root, the id shares this string.
			String relative = this.folder.relative();
			return relative.isEmpty() ? this.localName : relative + this.localName;
		}

		@Override
		public String source() {
			return "file [" + path() + "]";
		}

		@Override
		public Supplier<String> describer() {
			return this::source;
		}

		/**
		 * Read the file's text, or return {@code null} if it is a folder or a link to
		 * nothing after all: the walk did not ask.
		 */
		@Override
		public @Nullable String readIfFile(byte[] buffer) {
			// A FileInputStream takes fewer calls into the JDK and the system than
			// Files.readString, and a file that fits in the buffer is read without
			// asking its size first.
			String text;
			try (FileInputStream input = new FileInputStream(new File(this.folder.file(), fileName()))) {
				int length = input.readNBytes(buffer, 0, buffer.length);
				text = (length < buffer.length) ? utf8(buffer, length, this) : utf8(concat(buffer, input), this);
			}
			catch (IOException ex) {
				Path path = path();
				if (Files.isDirectory(path) || (Files.isSymbolicLink(path) && !Files.exists(path))) {
					return null;
				}
				throw new UncheckedIOException(ex);
			}
			return text;
		}

		/**
		 * Read the file's text, on its first use.
		 * @throws UncheckedIOException if it is no longer a file
		 */
		@Override
		public String read() {
			String text = readIfFile(new byte[READ_BUFFER_SIZE]);
			if (text == null) {
				throw new UncheckedIOException(
						new IOException(path() + " is no longer a file: it was when the store was listed"));
			}
			return text;
		}

	}

	/**
	 * An entry of an archive on the classpath, by its name (its path relative to the
	 * location, without the extension).
	 */
	private record ArchiveEntry(String name, Resource resource) implements DocumentFile {

		@Override
		public String source() {
			return this.resource.getDescription();
		}

		@Override
		public Supplier<String> describer() {
			String source = source();
			return () -> source;
		}

		@Override
		public String readIfFile(byte[] buffer) {
			try {
				return utf8(this.resource.getContentAsByteArray(), this);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public String read() {
			return readIfFile(new byte[0]);
		}

	}

}
