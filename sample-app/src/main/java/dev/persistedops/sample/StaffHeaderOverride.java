package dev.persistedops.sample;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import reactor.core.publisher.Mono;

import dev.persistedops.web.NonPersistedOperationOverride;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.util.Assert;

/**
 * An EXAMPLE of the only-persisted override: a request whose {@value #HEADER} header
 * carries the configured staff secret may run any document. With an empty secret it
 * allows nothing. A shared secret in a header is the simplest thing that shows the hook;
 * a real application would rather ask Spring Security for a role, or trust an internal
 * network.
 */
public class StaffHeaderOverride implements NonPersistedOperationOverride {

	/** The header that carries the staff secret. */
	public static final String HEADER = "X-Staff-Secret";

	private final byte[] secret;

	public StaffHeaderOverride(String secret) {
		Assert.notNull(secret, "secret is required");
		this.secret = secret.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public Mono<Boolean> allows(WebGraphQlRequest request) {
		String sent = request.getHeaders().getFirst(HEADER);
		// Constant-time comparison, so the time taken does not reveal how much of the
		// secret matched.
		return Mono.just(this.secret.length > 0 && sent != null
				&& MessageDigest.isEqual(this.secret, sent.getBytes(StandardCharsets.UTF_8)));
	}

}
