package dev.persistedops.maven.operation;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.FragmentDefinition;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.graphql.support.DocumentSource;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.util.Assert;

/**
 * Loads a client's operations from its documents directory the way Spring's GraphQL
 * client does: every file with one of the extensions is a document named by its path
 * without the extension, and its text is read by Spring's own
 * {@link ResourceDocumentSource}, so the body here is the text the client sends, byte for
 * byte. Spring's client sends a document as it is, so each must hold exactly one named
 * operation and any fragments it uses.
 */
public final class ClientOperationLoader {

	private final Path documentsDirectory;

	private final List<String> extensions;

	/**
	 * Create a loader.
	 * @param documentsDirectory the directory the client's documents are in, such as
	 * {@code src/main/resources/graphql-documents}
	 * @param extensions the file extensions of documents, in the order the client tries
	 * them, such as {@link ResourceDocumentSource#FILE_EXTENSIONS}
	 */
	public ClientOperationLoader(Path documentsDirectory, List<String> extensions) {
		Assert.notNull(documentsDirectory, "documentsDirectory is required");
		Assert.notEmpty(extensions, "extensions must not be empty");
		this.documentsDirectory = documentsDirectory.toAbsolutePath().normalize();
		this.extensions = List.copyOf(extensions);
	}

	/**
	 * Load every operation, sorted by name.
	 * @throws InvalidDocumentsException listing every document that is not one named
	 * operation
	 * @throws IOException if the directory cannot be read
	 */
	public List<ClientOperation> load() throws InvalidDocumentsException, IOException {
		if (!Files.isDirectory(this.documentsDirectory)) {
			throw new InvalidDocumentsException(
					List.of("The documents directory " + this.documentsDirectory + " does not exist"));
		}
		List<String> problems = new ArrayList<>();
		Map<String, List<Path>> filesByName = findDocuments();
		DocumentSource documentSource = new ResourceDocumentSource(
				List.of(new FileSystemResource(this.documentsDirectory + "/")), this.extensions);
		Map<String, ClientOperation> operationsByName = new LinkedHashMap<>();
		filesByName.forEach((documentName, files) -> {
			Path file = files.get(0);
			files.stream()
				.skip(1)
				.forEach((shadowed) -> problems.add(shadowed + " is never sent: Spring's client loads " + file
						+ " for documentName(\"" + documentName + "\")"));
			ClientOperation operation = read(documentSource, documentName, file.toString(), problems);
			if (operation != null) {
				ClientOperation other = operationsByName.putIfAbsent(operation.name(), operation);
				if (other != null) {
					problems.add(file + " and " + other.source() + " both define the operation '" + operation.name()
							+ "'; operation names must be unique");
				}
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidDocumentsException(problems);
		}
		return operationsByName.values().stream().sorted(Comparator.comparing(ClientOperation::name)).toList();
	}

	private Map<String, List<Path>> findDocuments() throws IOException {
		try (Stream<Path> paths = Files.walk(this.documentsDirectory, FileVisitOption.FOLLOW_LINKS)) {
			return paths.filter(Files::isRegularFile)
				.filter((path) -> !isHidden(this.documentsDirectory.relativize(path)))
				.filter((path) -> extensionOf(path) != null)
				.sorted(Comparator.comparing(this::documentName).thenComparing(this::extensionIndex))
				.collect(Collectors.groupingBy(this::documentName, LinkedHashMap::new, Collectors.toList()));
		}
	}

	private static boolean isHidden(Path relative) {
		for (Path segment : relative) {
			if (segment.toString().startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	private @Nullable String extensionOf(Path path) {
		String fileName = path.getFileName().toString();
		for (String extension : this.extensions) {
			if (fileName.endsWith(extension) && fileName.length() > extension.length()) {
				return extension;
			}
		}
		return null;
	}

	private int extensionIndex(Path path) {
		return this.extensions.indexOf(extensionOf(path));
	}

	private String documentName(Path path) {
		String relative = this.documentsDirectory.relativize(path).toString().replace('\\', '/');
		String extension = extensionOf(path);
		return relative.substring(0, relative.length() - ((extension != null) ? extension.length() : 0));
	}

	private static @Nullable ClientOperation read(DocumentSource documentSource, String documentName, String source,
			List<String> problems) {
		String body;
		try {
			body = documentSource.getDocument(documentName).block();
		}
		catch (RuntimeException ex) {
			problems.add(source + " could not be read: " + ex.getMessage());
			return null;
		}
		if (body == null || body.isBlank()) {
			problems.add(source + " is empty; a document holds one named operation");
			return null;
		}
		Document document;
		try {
			document = Parser.parse(ParserEnvironment.newParserEnvironment()
				.document(body)
				.parserOptions(ParserOptions.getDefaultOperationParserOptions())
				.build());
		}
		catch (InvalidSyntaxException ex) {
			problems.add(source + " is not valid GraphQL: " + ex.getMessage());
			return null;
		}
		return operationOf(document, documentName, source, body, problems);
	}

	private static @Nullable ClientOperation operationOf(Document document, String documentName, String source,
			String body, List<String> problems) {
		List<OperationDefinition> operations = new ArrayList<>();
		for (Definition<?> definition : document.getDefinitions()) {
			if (definition instanceof OperationDefinition operation) {
				operations.add(operation);
			}
			else if (!(definition instanceof FragmentDefinition)) {
				problems.add(source + " holds a " + definition.getClass().getSimpleName()
						+ ", which is not part of an operation; a document holds one operation and its fragments");
				return null;
			}
		}
		if (operations.size() != 1) {
			problems.add(source + " holds " + operations.size()
					+ " operations; Spring's client sends the whole document, so each document holds exactly one");
			return null;
		}
		OperationDefinition operation = operations.get(0);
		if (operation.getName() == null || operation.getName().isEmpty()) {
			problems.add(source + " holds an anonymous " + operation.getOperation().name().toLowerCase(Locale.ROOT)
					+ "; give it a name, by which the manifest and the server's reports list it");
			return null;
		}
		return new ClientOperation(documentName, source, operation.getName(), operation.getOperation(), body);
	}

}
