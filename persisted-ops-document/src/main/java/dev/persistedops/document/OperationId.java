package dev.persistedops.document;

import org.jspecify.annotations.Nullable;

/**
 * The id under which a persisted document is stored, checked against a strict rule before
 * any store sees it.
 * <p>
 * The rule: 1 to {@value #MAX_LENGTH} characters from {@code A-Z a-z 0-9 - . _ ~ :} (the
 * GraphQL-over-HTTP appendix's set) plus {@code /} to separate a namespace, as in
 * GraphQL-Ruby's {@code client/alias}. A namespace segment may not be empty, {@code .} or
 * {@code ..}. So no id can name a path outside a store's root, carry a percent-encoding,
 * a control character, a glob or a protocol delimiter.
 * <p>
 * An id of the form {@code sha256:<64 lowercase hex>} (the appendix's form) is stored
 * under its bare hex digest, so {@code sha256:abc…} and {@code abc…} find the same
 * document.
 */
public final class OperationId {

	/** The longest id accepted. */
	public static final int MAX_LENGTH = 256;

	private static final String SHA256_PREFIX = "sha256:";

	/**
	 * The characters an id may hold, by their code: one look-up per character, for ids
	 * checked by the 100,000 when a store loads.
	 */
	private static final boolean[] ALLOWED = allowed();

	private final String value;

	private final String key;

	private OperationId(String value, String key) {
		this.value = value;
		this.key = key;
	}

	/**
	 * Check the given value against the id rule and return the id.
	 * @param value the id as the client sent it
	 * @return the id
	 * @throws InvalidOperationIdException if the value breaks the rule
	 */
	public static OperationId of(@Nullable Object value) {
		if (!(value instanceof String text)) {
			throw new InvalidOperationIdException("An operation id must be a string");
		}
		check(text);
		String key = text;
		if (text.startsWith(SHA256_PREFIX)) {
			key = text.substring(SHA256_PREFIX.length());
			if (!HashEncoding.HEX.isShapeOf(key, HashAlgorithm.SHA256)) {
				throw new InvalidOperationIdException(
						"An id starting with 'sha256:' must continue with 64 lowercase hex characters");
			}
		}
		return new OperationId(text, key);
	}

	private static void check(String text) {
		if (text.isEmpty() || text.length() > MAX_LENGTH) {
			throw new InvalidOperationIdException("An operation id must be 1 to " + MAX_LENGTH + " characters long");
		}
		// Only a '/' or a '.' can make a segment empty or dots: most ids, digests among
		// them, have neither and need no second pass.
		boolean slashOrDot = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (!isAllowed(c)) {
				throw new InvalidOperationIdException(
						"An operation id may only contain A-Z a-z 0-9 - . _ ~ : and / between namespace segments");
			}
			slashOrDot |= (c == '/' || c == '.');
		}
		if (!slashOrDot) {
			return;
		}
		int segmentStart = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || text.charAt(i) == '/') {
				if (isEmptyOrDots(text, segmentStart, i)) {
					throw new InvalidOperationIdException(
							"An operation id's namespace segments may not be empty, '.' or '..'");
				}
				segmentStart = i + 1;
			}
		}
	}

	/**
	 * Whether the segment between the given indexes is empty, {@code .} or {@code ..}.
	 */
	private static boolean isEmptyOrDots(String text, int start, int end) {
		for (int i = start; i < end; i++) {
			if (text.charAt(i) != '.' || i - start >= 2) {
				return false;
			}
		}
		return true;
	}

	private static boolean isAllowed(char c) {
		return c < ALLOWED.length && ALLOWED[c];
	}

	private static boolean[] allowed() {
		boolean[] allowed = new boolean[128];
		for (char c = 0; c < allowed.length; c++) {
			allowed[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '.' || c == '_' || c == '~' || c == ':' || c == '/';
		}
		return allowed;
	}

	/**
	 * Return the id exactly as the client sent it.
	 */
	public String value() {
		return this.value;
	}

	/**
	 * Return the key the document is stored under: the id itself, or the bare digest of a
	 * {@code sha256:} id.
	 */
	public String key() {
		return this.key;
	}

	/**
	 * Return the namespace of the id ({@code client} in {@code client/alias}), or
	 * {@code null}.
	 */
	public @Nullable String namespace() {
		int slash = this.key.lastIndexOf('/');
		return (slash != -1) ? this.key.substring(0, slash) : null;
	}

	/**
	 * Return the id without its namespace ({@code alias} in {@code client/alias}).
	 */
	public String localName() {
		return this.key.substring(this.key.lastIndexOf('/') + 1);
	}

	/**
	 * Whether the id (its local name, for {@code client/alias} ids) is a lowercase hex
	 * digest of md5, sha1 or sha256 length: the ids clients derive from document text.
	 */
	public boolean isHexDigest() {
		String name = localName();
		HashAlgorithm algorithm = HashAlgorithm.forHexLength(name.length());
		return algorithm != null && HashEncoding.HEX.isShapeOf(name, algorithm);
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return (other instanceof OperationId that) && this.key.equals(that.key);
	}

	@Override
	public int hashCode() {
		return this.key.hashCode();
	}

	@Override
	public String toString() {
		return this.value;
	}

}
