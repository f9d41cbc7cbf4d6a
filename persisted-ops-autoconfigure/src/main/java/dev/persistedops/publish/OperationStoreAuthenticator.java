package dev.persistedops.publish;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Checks the signature {@code graphql-ruby-client sync} puts on its requests:
 * {@code Authorization: GraphQL::Pro <client> <hex>}, where the hex is the HMAC-SHA256 of
 * the exact request body with the client's secret. A client may have several secrets, so
 * that one can be rotated; signatures are compared in constant time.
 */
public final class OperationStoreAuthenticator {

	private static final String SCHEME = "GraphQL::Pro";

	private final Map<String, List<byte[]>> secrets;

	/**
	 * Create an authenticator.
	 * @param secrets each client's secrets
	 */
	public OperationStoreAuthenticator(Map<String, List<String>> secrets) {
		Assert.notNull(secrets, "secrets is required");
		this.secrets = secrets.entrySet()
			.stream()
			.collect(Collectors.toUnmodifiableMap(Map.Entry::getKey,
					(client) -> client.getValue()
						.stream()
						.map((secret) -> secret.getBytes(StandardCharsets.UTF_8))
						.toList()));
	}

	/**
	 * Return the client whose secret signed the body, or {@code null} if the header is
	 * missing, malformed, names an unknown client or carries a signature none of its
	 * secrets made.
	 */
	public @Nullable String authenticate(@Nullable String authorization, byte[] body) {
		if (authorization == null) {
			return null;
		}
		String[] parts = authorization.trim().split(" ");
		if (parts.length != 3 || !SCHEME.equals(parts[0])) {
			return null;
		}
		List<byte[]> clientSecrets = this.secrets.get(parts[1]);
		byte[] signature;
		try {
			signature = HexFormat.of().parseHex(parts[2]);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		if (clientSecrets == null) {
			return null;
		}
		boolean valid = false;
		for (byte[] secret : clientSecrets) {
			// Every secret is tried, so the time taken does not tell which one matched.
			valid |= MessageDigest.isEqual(hmac(secret, body), signature);
		}
		return valid ? parts[1] : null;
	}

	/**
	 * Return the lowercase hex HMAC-SHA256 of the body with the given secret.
	 */
	public static String sign(String secret, byte[] body) {
		return HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
	}

	private static byte[] hmac(byte[] secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac.doFinal(body);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is available on every Java runtime", ex);
		}
	}

}
