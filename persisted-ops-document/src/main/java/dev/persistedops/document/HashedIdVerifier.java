package dev.persistedops.document;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Checks that an id shaped like a hash is the hash of its document's exact text, so a
 * tampered or stale export cannot put one document under another's id.
 * <p>
 * An id (its local name, for {@code client/alias} ids) is hash-shaped when it is 32, 40
 * or 64 lowercase hex characters (md5, sha1, sha256 in hex), or has the length and
 * alphabet of the configured algorithm in URL-safe base64. Any other id is a name the
 * application chose, and is not checked.
 */
public final class HashedIdVerifier {

	private final DocumentHasher configured;

	public HashedIdVerifier(DocumentHasher configured) {
		Assert.notNull(configured, "configured hasher is required");
		this.configured = configured;
	}

	/**
	 * Return the hasher the id claims to come from, or {@code null} if it is not
	 * hash-shaped.
	 */
	public @Nullable DocumentHasher claimedHasher(OperationId id) {
		String name = id.localName();
		HashAlgorithm hexAlgorithm = HashAlgorithm.forHexLength(name.length());
		if (hexAlgorithm != null && id.isHexDigest()) {
			return new DocumentHasher(hexAlgorithm, HashEncoding.HEX);
		}
		if (this.configured.encoding() != HashEncoding.HEX && this.configured.isShapeOfHash(name)) {
			return this.configured;
		}
		return null;
	}

	/**
	 * Whether the id is either not hash-shaped, or the hash of the given text.
	 */
	public boolean verify(OperationId id, String text) {
		DocumentHasher hasher = claimedHasher(id);
		return hasher == null || hasher.isHashOf(text, id.localName());
	}

}
