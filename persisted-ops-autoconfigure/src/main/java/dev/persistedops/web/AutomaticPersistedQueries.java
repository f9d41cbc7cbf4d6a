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
import dev.persistedops.execution.OperationValidator;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.store.StoreUnavailableException;
import dev.persistedops.store.WritableOperationDocumentStore;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.util.Assert;

/**
 * Automatic persisted queries, Apollo's protocol: a client sends the sha256 of a
 * document; if the server does not know it, the client sends the document with its hash,
 * and the server checks the hash over the exact UTF-8 text and, if the document is valid
 * against the schema, stores it in the {@link dev.persistedops.store.DocumentRegistry}'s
 * registrations and runs it. A document that is not valid runs (and reports its errors)
 * like any sent document, and is neither stored nor kept parsed.
 */
public final class AutomaticPersistedQueries {

	private static final Log logger = LogFactory.getLog(AutomaticPersistedQueries.class);

	private static final DocumentHasher SHA256 = new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.HEX);

	private final WritableOperationDocumentStore registrations;

	private final Settings settings;

	private final OperationValidator validator;

	/**
	 * Create automatic persisted queries.
	 * @param registrations where registered documents are written
	 * @param settings the limits of registrations
	 * @param validator checks a registered document against the schema before it is
	 * stored
	 */
	public AutomaticPersistedQueries(WritableOperationDocumentStore registrations, Settings settings,
			OperationValidator validator) {
		Assert.notNull(registrations, "registrations is required");
		Assert.notNull(settings, "settings is required");
		Assert.notNull(validator, "validator is required");
		this.registrations = registrations;
		this.settings = settings;
		this.validator = validator;
	}

	/**
	 * Whether the request registers a document: it sends Apollo's hash with the text.
	 */
	public static boolean isRegistration(WebGraphQlRequest request) {
		return request.getExtensions().get("persistedQuery") instanceof Map<?, ?>
				&& !PersistedRequestBody.isPlaceholder(request.getDocument());
	}

	/**
	 * Return the refusal of a registration whose hash does not match its text or whose
	 * text is too large, or {@code null} if it may go on.
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
	 * Whether a registered document is valid against the schema, and so may be stored.
	 */
	public boolean isValid(String text) {
		return this.validator.problemsOf(text).isEmpty();
	}

	/**
	 * Store a registered document that proved valid, before it runs. If the store is
	 * unavailable, the {@code Mono} fails with {@link StoreUnavailableException}: the
	 * registration is then refused and nothing runs, so that the client may safely send
	 * it again (it may be a mutation). Any other failure to store is logged and the
	 * document still runs; it is registered again on its next miss.
	 */
	public Mono<Void> store(OperationId id, String text) {
		return Mono.defer(() -> this.registrations.save(id, text, this.settings.timeToLive())).doOnNext((outcome) -> {
			if (outcome == SaveOutcome.CONFLICT) {
				logger.warn("Did not register '" + id + "': the store holds a different text under it");
			}
		}).onErrorResume((ex) -> !(ex instanceof StoreUnavailableException), (ex) -> {
			logger.warn("Could not register '" + id + "': " + ex);
			return Mono.empty();
		}).then();
	}

	/**
	 * The limits of registrations.
	 *
	 * @param timeToLive how long a registration is kept in a remote store, or
	 * {@code null} for good
	 * @param maxDocumentBytes the largest document that may be registered, in UTF-8 bytes
	 */
	public record Settings(@Nullable Duration timeToLive, long maxDocumentBytes) {

		public Settings {
			Assert.isTrue(maxDocumentBytes > 0, "maxDocumentBytes must be positive");
		}

	}

}
