package dev.persistedops.document;

import java.nio.charset.StandardCharsets;

import org.springframework.util.Assert;

/**
 * Computes the id a client derives from a document's text: a digest of the exact UTF-8
 * bytes of the text, written in the chosen encoding. Nothing is normalised first, since
 * clients hash the text exactly as they print it.
 *
 * @param algorithm the digest algorithm
 * @param encoding how the digest is written
 */
public record DocumentHasher(HashAlgorithm algorithm, HashEncoding encoding) {

	public DocumentHasher {
		Assert.notNull(algorithm, "algorithm is required");
		Assert.notNull(encoding, "encoding is required");
	}

	/**
	 * Return the hash of the given document text.
	 */
	public String hash(String text) {
		return this.encoding.encode(this.algorithm.digest(text.getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * Whether the given hash is the hash of the given document text: the same as
	 * {@code hash(text).equals(hash)}, without writing the hash out.
	 */
	public boolean isHashOf(String text, String hash) {
		return this.encoding.matches(this.algorithm.digest(text.getBytes(StandardCharsets.UTF_8)), hash);
	}

	/**
	 * Whether the given id has the shape of a hash this hasher produces.
	 */
	public boolean isShapeOfHash(String id) {
		return this.encoding.isShapeOf(id, this.algorithm);
	}

}
