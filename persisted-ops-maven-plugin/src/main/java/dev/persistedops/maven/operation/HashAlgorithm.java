package dev.persistedops.maven.operation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The digests an operation's id can be made with, each written as lowercase hex of the
 * digest of the operation's exact text in UTF-8: {@code md5} (Relay, GraphQL-Ruby),
 * {@code sha1} and {@code sha256} (Apollo, the GraphQL-over-HTTP persisted documents
 * appendix).
 */
public enum HashAlgorithm {

	/** MD5, 32 hex characters. */
	MD5("MD5"),

	/** SHA-1, 40 hex characters. */
	SHA1("SHA-1"),

	/** SHA-256, 64 hex characters. */
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
			byte[] digest = MessageDigest.getInstance(this.jcaName).digest(text.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(this.jcaName + " is available on every Java runtime", ex);
		}
	}

	/**
	 * Return the algorithm of the given name, in any case ({@code md5}, {@code sha1},
	 * {@code sha256}).
	 * @throws IllegalArgumentException naming the valid values if there is no such
	 * algorithm
	 */
	public static HashAlgorithm of(String name) {
		for (HashAlgorithm algorithm : values()) {
			if (algorithm.name().equalsIgnoreCase(name.trim())) {
				return algorithm;
			}
		}
		throw new IllegalArgumentException("'" + name + "' is not a hash algorithm; use one of "
				+ Arrays.stream(values()).map(HashAlgorithm::toString).collect(Collectors.joining(", ")));
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
