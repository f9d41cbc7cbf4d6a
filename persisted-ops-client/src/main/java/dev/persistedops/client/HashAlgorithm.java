package dev.persistedops.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A digest that turns a document's exact UTF-8 text into an id, as lowercase hex.
 */
public enum HashAlgorithm {

	/** md5, as Relay and Hot Chocolate compute ids by default. */
	MD5("MD5"),

	/** sha256, as Apollo and the GraphQL-over-HTTP appendix compute ids. */
	SHA256("SHA-256");

	private final String jcaName;

	HashAlgorithm(String jcaName) {
		this.jcaName = jcaName;
	}

	/**
	 * Return the lowercase hex digest of the text's UTF-8 bytes.
	 */
	public String hex(String text) {
		try {
			MessageDigest digest = MessageDigest.getInstance(this.jcaName);
			return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java runtime provides MD5 and SHA-256.
			throw new IllegalStateException(ex);
		}
	}

}
