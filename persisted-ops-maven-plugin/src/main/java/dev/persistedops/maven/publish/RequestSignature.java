package dev.persistedops.maven.publish;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature GraphQL-Ruby's OperationStore expects on a sync request: the lowercase
 * hex HMAC-SHA256 of the exact request body, keyed with the client's secret, sent as
 * {@code Authorization: GraphQL::Pro <client> <hex>}.
 */
final class RequestSignature {

	private RequestSignature() {
	}

	/**
	 * Return the {@code Authorization} header value for the body.
	 */
	static String authorization(String client, String secret, byte[] body) {
		return "GraphQL::Pro " + client + " " + hmacHex(secret, body);
	}

	/**
	 * Return the lowercase hex HMAC-SHA256 of the body with the secret.
	 */
	static String hmacHex(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HmacSHA256 is available on every Java runtime", ex);
		}
	}

}
