package dev.persistedops.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.document.OperationId;
import dev.persistedops.execution.PersistedDocumentCache;
import dev.persistedops.store.CachingOperationDocumentStore;
import dev.persistedops.store.LayeredOperationDocumentStore;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.store.WritableOperationDocumentStore;
import dev.persistedops.store.memory.BoundedInMemoryOperationDocumentStore;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.util.Assert;

/**
 * Automatic persisted queries, Apollo's protocol: a client sends the sha256 of a document; if
 * the server does not know it, the client sends the document with its hash, and the server
 * checks the hash over the exact UTF-8 text, runs the document, and stores it if it is valid
 * against the schema. Registrations go to the remote store (Redis, Azure Blob) when there is
 * one, and otherwise to a bounded in-memory store consulted after the configured one.
 */
public final class AutomaticPersistedQueries {

	private static final Log logger = LogFactory.getLog(AutomaticPersistedQueries.class);

	private static final DocumentHasher SHA256 = new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.HEX);

	private final OperationDocumentStore lookups;

	private final WritableOperationDocumentStore registrations;

	private final Settings settings;

	private final PersistedDocumentCache parsedDocuments;

	private AutomaticPersistedQueries(OperationDocumentStore lookups, WritableOperationDocumentStore registrations,
			Settings settings, PersistedDocumentCache parsedDocuments) {
		this.lookups = lookups;
		this.registrations = registrations;
		this.settings = settings;
		this.parsedDocuments = parsedDocuments;
	}

	/**
	 * Set up automatic persisted queries over the configured store.
	 * @param store the configured store
	 * @param settings the limits of registrations
	 * @param parsedDocuments where executions record whether a document is valid
	 */
	public static AutomaticPersistedQueries over(OperationDocumentStore store, Settings settings,
			PersistedDocumentCache parsedDocuments) {
		Assert.notNull(store, "store is required");
		Assert.notNull(settings, "settings is required");
		Assert.notNull(parsedDocuments, "parsedDocuments is required");
		if (store instanceof CachingOperationDocumentStore remote) {
			return new AutomaticPersistedQueries(remote, remote, settings, parsedDocuments);
		}
		LayeredOperationDocumentStore layered = new LayeredOperationDocumentStore(store,
				new BoundedInMemoryOperationDocumentStore(settings.memoryMaximumSize(), settings.memoryMaximumBytes(),
						settings.memoryTimeToLive()));
		return new AutomaticPersistedQueries(layered, layered, settings, parsedDocuments);
	}

	/**
	 * Return the store to look documents up in, registrations included.
	 */
	public OperationDocumentStore lookups() {
		return this.lookups;
	}

	/**
	 * Whether the request registers a document: it sends Apollo's hash with the text.
	 */
	public static boolean isRegistration(WebGraphQlRequest request) {
		return request.getExtensions().get("persistedQuery") instanceof Map<?, ?>
				&& !PersistedRequestBody.isPlaceholder(request.getDocument());
	}

	/**
	 * Return the refusal of a registration whose hash does not match its text or whose text is
	 * too large, or {@code null} if it may go on.
	 */
	public @Nullable WebGraphQlResponse refusal(WebGraphQlRequest request, OperationId id) {
		String text = request.getDocument();
		long size = text.getBytes(StandardCharsets.UTF_8).length;
		if (size > this.settings.maxDocumentBytes()) {
			return PersistedOperationError.TOO_LARGE.toResponse(request, "The document is " + size
					+ " bytes; documents registered by hash may be at most " + this.settings.maxDocumentBytes());
		}
		if (!SHA256.hash(text).equals(id.key())) {
			return PersistedOperationError.HASH_MISMATCH.toResponse(request);
		}
		return null;
	}

	/**
	 * Store a registered document, if its execution showed it valid against the schema.
	 */
	public Mono<Void> storeIfValid(OperationId id, String text) {
		if (!this.parsedDocuments.isKnownValid(text)) {
			return Mono.empty();
		}
		return Mono.defer(() -> this.registrations.save(id, text, this.settings.timeToLive()))
			.doOnNext((outcome) -> {
				if (outcome == SaveOutcome.CONFLICT) {
					logger.warn("Did not register '" + id + "': the store holds a different text under it");
				}
			})
			.onErrorResume((ex) -> {
				logger.warn("Could not register '" + id + "': " + ex);
				return Mono.empty();
			})
			.then();
	}

	/**
	 * The limits of registrations.
	 *
	 * @param timeToLive how long a registration is kept in a remote store, or {@code null}
	 * for good
	 * @param maxDocumentBytes the largest document that may be registered, in UTF-8 bytes
	 * @param memoryMaximumSize the most registrations kept in memory
	 * @param memoryMaximumBytes the most bytes of registrations kept in memory
	 * @param memoryTimeToLive how long a registration is kept in memory
	 */
	public record Settings(@Nullable Duration timeToLive, long maxDocumentBytes, long memoryMaximumSize,
			long memoryMaximumBytes, Duration memoryTimeToLive) {

		public Settings {
			Assert.isTrue(maxDocumentBytes > 0, "maxDocumentBytes must be positive");
		}

	}

}
