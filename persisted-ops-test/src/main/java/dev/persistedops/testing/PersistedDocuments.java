package dev.persistedops.testing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import graphql.schema.GraphQLSchema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.execution.DocumentValidationReport;
import dev.persistedops.execution.OperationValidator;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.DocumentLoader;
import dev.persistedops.store.HashMismatchAction;
import dev.persistedops.store.ListableOperationDocumentStore;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.filesystem.DirectoryDocumentLoader;
import dev.persistedops.store.manifest.ManifestDocumentLoader;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.util.Assert;
import org.springframework.util.ResourceUtils;

/**
 * Persisted documents to check against a schema from a test: a directory of
 * {@code <id>.graphql} files or a manifest that a client build exported, or the documents
 * an application's store holds. They are loaded as the server loads them (hash-shaped ids
 * checked against their text) and validated with graphql-java's parser and validator, as
 * the server does at startup:
 *
 * <pre class="code">
 * PersistedDocuments.directory("classpath:/persisted-operations/")
 *     .assertValidAgainst(SchemaFiles.load("classpath:/graphql/"));
 * </pre>
 *
 * A failure lists each broken operation with its id, its file and graphql-java's reason.
 * {@link #compare} lists the operations a schema change breaks.
 */
public final class PersistedDocuments {

	private final String description;

	private final Map<String, String> documents;

	private final Function<String, @Nullable String> sources;

	private PersistedDocuments(String description, Map<String, String> documents,
			Function<String, @Nullable String> sources) {
		this.description = description;
		this.documents = documents;
		this.sources = sources;
	}

	/**
	 * The documents of a directory of {@code <id>.graphql} files (sub-folders are
	 * namespaces), as the {@code filesystem} store loads it.
	 * @param location a {@code classpath:} or {@code file:} location
	 */
	public static PersistedDocuments directory(String location) {
		return load(location, new DirectoryDocumentLoader(new PathMatchingResourcePatternResolver()));
	}

	/**
	 * The documents of a directory of {@code <id>.graphql} files on the file system.
	 */
	public static PersistedDocuments directory(Path directory) {
		return directory(ResourceUtils.FILE_URL_PREFIX + directory.toAbsolutePath() + "/");
	}

	/**
	 * The documents of a manifest (a Relay or Strawberry Shake map, or an Apollo
	 * persisted query manifest), as the {@code manifest} store loads it.
	 * @param location a {@code classpath:} or {@code file:} location
	 */
	public static PersistedDocuments manifest(String location) {
		return load(location,
				new ManifestDocumentLoader(new PathMatchingResourcePatternResolver(), JsonMapper.shared()));
	}

	/**
	 * The documents of a manifest on the file system.
	 */
	public static PersistedDocuments manifest(Path manifest) {
		return manifest(ResourceUtils.FILE_URL_PREFIX + manifest.toAbsolutePath());
	}

	/**
	 * The documents an application's store holds now: its configured store, in a test
	 * with a Spring context. Stores that cannot list their documents (Redis, Azure Blob)
	 * cannot be checked this way: check what is published to them instead.
	 * @param store the application's {@link OperationDocumentStore} bean
	 * @throws IllegalArgumentException if the store cannot list its documents
	 */
	public static PersistedDocuments inStore(OperationDocumentStore store) {
		Assert.notNull(store, "store is required");
		if (!(store instanceof ListableOperationDocumentStore listable)) {
			throw new IllegalArgumentException("The store (" + store.getClass().getName() + ") cannot list its "
					+ "documents: check the directory or manifest that is published to it instead");
		}
		return new PersistedDocuments("in the store", listable.documents(), listable::sourceOf);
	}

	private static PersistedDocuments load(String location, DocumentLoader loader) {
		Assert.hasText(location, "location is required");
		// Hex ids are checked by their length whatever the algorithm; md5 decides only
		// which base64url ids are recognized, as the server's default does.
		DocumentCatalog catalog = DocumentCatalog
			.builder(new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX), HashMismatchAction.FAIL)
			.load(loader, List.of(location))
			.build();
		return new PersistedDocuments("in " + location, catalog.documents(), catalog::sourceOf);
	}

	/**
	 * Return the documents, by the key they are stored under.
	 */
	public Map<String, String> documents() {
		return this.documents;
	}

	/**
	 * Check every document against the given schema.
	 * @return what the check found: each invalid document with its reasons
	 */
	// JDKs before 17.0.19 do not read the @Nullable of the compiled validator's
	// Function<String, @Nullable String> parameter, so NullAway sees a mismatch there.
	@SuppressWarnings("NullAway")
	public DocumentValidationReport validateAgainst(GraphQLSchema schema) {
		Assert.notNull(schema, "schema is required");
		return new OperationValidator(() -> schema).validate(this.documents, this.sources);
	}

	/**
	 * Check every document against the application's schema.
	 */
	public DocumentValidationReport validateAgainst(GraphQlSource graphQlSource) {
		return validateAgainst(graphQlSource.schema());
	}

	/**
	 * Assert that every document is valid against the given schema.
	 * @throws AssertionError listing each invalid document with its id, operation name,
	 * source and graphql-java's reasons, or saying that there are no documents at all
	 */
	public void assertValidAgainst(GraphQLSchema schema) {
		assertNotEmpty();
		DocumentValidationReport report = validateAgainst(schema);
		if (!report.isValid()) {
			throw new AssertionError(report.describe(this.description));
		}
	}

	/**
	 * Assert that every document is valid against the application's schema.
	 * @throws AssertionError listing each invalid document
	 */
	public void assertValidAgainst(GraphQlSource graphQlSource) {
		assertValidAgainst(graphQlSource.schema());
	}

	/**
	 * Compare two versions of a schema: which documents valid against the first one are
	 * not valid against the second.
	 * @param before the schema the documents were made for, such as the one deployed
	 * @param after the changed schema
	 */
	public SchemaChange compare(GraphQLSchema before, GraphQLSchema after) {
		assertNotEmpty();
		return SchemaChange.of(this.description, validateAgainst(before), validateAgainst(after));
	}

	private void assertNotEmpty() {
		if (this.documents.isEmpty()) {
			throw new AssertionError("There are no persisted documents " + this.description
					+ ": a check of no documents proves nothing");
		}
	}

}
