package dev.persistedops.publish;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.OperationId;
import dev.persistedops.execution.OperationValidator;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.store.StoreUnavailableException;
import dev.persistedops.store.WritableOperationDocumentStore;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * The endpoint relay-compiler's {@code persistConfig.url} posts every operation to at
 * build time: an {@code application/x-www-form-urlencoded} body whose {@code text} is the
 * operation. The operation is checked against the schema and stored under the configured
 * hash of its exact text (md5 hex, as Relay computes it, by default); the answer is
 * {@code {"id": "..."}}, or {@code {"error": {"message": "..."}}}, which fails the build
 * with that message. A request must carry the configured token in the configured header.
 * The store answers within its timeout, so an unavailable one is answered 503 with that
 * error body rather than left waiting.
 */
public final class RelayPersistEndpoint implements PublishingEndpoint {

	private final WritableOperationDocumentStore store;

	private final OperationValidator validator;

	private final DocumentHasher hasher;

	private final String tokenHeader;

	private final byte[] token;

	/**
	 * Create the endpoint.
	 * @param store where operations are stored
	 * @param validator checks operations against the schema
	 * @param hasher computes the id of an operation
	 * @param tokenHeader the header that must carry the token
	 * @param token the token
	 */
	public RelayPersistEndpoint(WritableOperationDocumentStore store, OperationValidator validator,
			DocumentHasher hasher, String tokenHeader, String token) {
		Assert.notNull(store, "store is required");
		Assert.notNull(validator, "validator is required");
		Assert.notNull(hasher, "hasher is required");
		Assert.hasText(tokenHeader, "tokenHeader is required");
		Assert.hasText(token, "token is required");
		this.store = store;
		this.validator = validator;
		this.hasher = hasher;
		this.tokenHeader = tokenHeader;
		this.token = token.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public Mono<EndpointResponse> handle(HttpHeaders headers, byte[] body) {
		String sent = headers.getFirst(this.tokenHeader);
		if (sent == null || !MessageDigest.isEqual(this.token, sent.getBytes(StandardCharsets.UTF_8))) {
			return Mono.just(error(401, "Missing or wrong " + this.tokenHeader + " header"));
		}
		String text;
		try {
			text = formValue(new String(body, StandardCharsets.UTF_8), "text");
		}
		catch (IllegalArgumentException ex) {
			return Mono.just(error(400, "The request body is not a valid form: " + ex.getMessage()));
		}
		if (text == null || text.isBlank()) {
			return Mono.just(error(400, "The request has no 'text' to persist"));
		}
		List<String> problems = this.validator.problemsOf(text);
		if (!problems.isEmpty()) {
			return Mono.just(error(400, String.join("; ", problems)));
		}
		String id = this.hasher.hash(text);
		return this.store.save(OperationId.of(id), text, null)
			.map((outcome) -> (outcome != SaveOutcome.CONFLICT) ? new EndpointResponse(200, Map.of("id", id))
					: error(409, "The id " + id + " already holds a different operation"))
			.onErrorResume(
					(ex) -> Mono.just(error(503,
							((ex instanceof StoreUnavailableException)
									? "The document store is unavailable, try again later: "
									: "The operation could not be stored: ") + ex.getMessage())));
	}

	private static @Nullable String formValue(String form, String name) {
		for (String pair : form.split("&")) {
			int equals = pair.indexOf('=');
			String key = URLDecoder.decode((equals != -1) ? pair.substring(0, equals) : pair, StandardCharsets.UTF_8);
			if (key.equals(name)) {
				return (equals != -1) ? URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8) : "";
			}
		}
		return null;
	}

	private static EndpointResponse error(int status, String message) {
		return EndpointResponse.error(status, message);
	}

}
