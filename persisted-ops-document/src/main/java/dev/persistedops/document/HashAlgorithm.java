package dev.persistedops.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import org.jspecify.annotations.Nullable;

/**
 * Digest algorithms that clients use to name persisted documents: md5 (Relay, Hot
 * Chocolate's default), sha1, and sha256 (Apollo, the GraphQL-over-HTTP appendix).
 */
public enum HashAlgorithm {

	MD5("MD5", 16), SHA1("SHA-1", 20), SHA256("SHA-256", 32);

	/**
	 * Every algorithm, without the copy {@link #values()} makes: an id's length is looked
	 * up for each document a store loads.
	 */
	private static final HashAlgorithm[] VALUES = values();

	private final String jcaName;

	private final int digestLength;

	/**
	 * A digest that is never updated, only cloned: a clone costs less than looking the
	 * algorithm up in the security providers on every call.
	 */
	private final @Nullable MessageDigest prototype;

	HashAlgorithm(String jcaName, int digestLength) {
		this.jcaName = jcaName;
		this.digestLength = digestLength;
		this.prototype = cloneable(newDigest(jcaName));
	}

	/**
	 * Return the number of bytes in a digest of this algorithm.
	 */
	public int digestLength() {
		return this.digestLength;
	}

	/**
	 * Return the digest of the given bytes.
	 */
	public byte[] digest(byte[] input) {
		return newDigest().digest(input);
	}

	private MessageDigest newDigest() {
		if (this.prototype != null) {
			try {
				return (MessageDigest) this.prototype.clone();
			}
			catch (CloneNotSupportedException ex) {
				// Checked when the prototype was made: not expected.
			}
		}
		return newDigest(this.jcaName);
	}

	private static MessageDigest newDigest(String jcaName) {
		try {
			return MessageDigest.getInstance(jcaName);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java runtime provides " + jcaName, ex);
		}
	}

	/**
	 * Return the given digest if the provider lets it be cloned, else {@code null}.
	 */
	private static @Nullable MessageDigest cloneable(MessageDigest digest) {
		try {
			digest.clone();
			return digest;
		}
		catch (CloneNotSupportedException ex) {
			return null;
		}
	}

	/**
	 * Return the lowercase hex digest of the text's exact UTF-8 bytes: the id clients
	 * derive from a document.
	 */
	public String hex(String text) {
		return HashEncoding.HEX.encode(digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Return the algorithm of the given name, in any case and with surrounding spaces
	 * ({@code md5}, {@code sha1}, {@code sha256}).
	 * @throws IllegalArgumentException naming the valid values if there is no such
	 * algorithm
	 */
	public static HashAlgorithm of(String name) {
		for (HashAlgorithm algorithm : values()) {
			if (algorithm.name().equalsIgnoreCase(name.trim())) {
				return algorithm;
			}
		}
		throw new IllegalArgumentException("'" + name + "' is not a hash algorithm; use one of md5, sha1, sha256");
	}

	/**
	 * Return the algorithm whose hex digest has the given length, or {@code null}.
	 */
	static @Nullable HashAlgorithm forHexLength(int length) {
		for (HashAlgorithm algorithm : VALUES) {
			if (algorithm.digestLength * 2 == length) {
				return algorithm;
			}
		}
		return null;
	}

}
