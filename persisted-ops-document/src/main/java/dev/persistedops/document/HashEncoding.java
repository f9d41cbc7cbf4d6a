package dev.persistedops.document;

import java.util.Base64;
import java.util.HexFormat;

/**
 * How a digest is written as an id: lowercase hex, or URL-safe base64 without padding
 * (the form Hot Chocolate uses when base64 is chosen).
 */
public enum HashEncoding {

	HEX {
		@Override
		public String encode(byte[] digest) {
			return HexFormat.of().formatHex(digest);
		}

		@Override
		public int encodedLength(int digestLength) {
			return digestLength * 2;
		}

		@Override
		public boolean matches(byte[] digest, String encoded) {
			// Digit by digit, with no string made: a store read at startup checks each of
			// its documents this way.
			if (encoded.length() != digest.length * 2) {
				return false;
			}
			for (int i = 0; i < digest.length; i++) {
				if (encoded.charAt(2 * i) != Character.forDigit((digest[i] >> 4) & 0xF, 16)
						|| encoded.charAt(2 * i + 1) != Character.forDigit(digest[i] & 0xF, 16)) {
					return false;
				}
			}
			return true;
		}

		@Override
		boolean isAlphabet(char c) {
			return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
		}
	},

	BASE64URL {
		@Override
		public String encode(byte[] digest) {
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}

		@Override
		public int encodedLength(int digestLength) {
			return (digestLength * 4 + 2) / 3;
		}

		@Override
		boolean isAlphabet(char c) {
			return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
		}
	};

	/**
	 * Return the digest written in this encoding.
	 */
	public abstract String encode(byte[] digest);

	/**
	 * Return how many characters a digest of the given number of bytes takes.
	 */
	public abstract int encodedLength(int digestLength);

	abstract boolean isAlphabet(char c);

	/**
	 * Whether the given value is the digest written in this encoding: the same as
	 * {@code encode(digest).equals(encoded)}.
	 */
	public boolean matches(byte[] digest, String encoded) {
		return encode(digest).equals(encoded);
	}

	/**
	 * Whether the given value could be a digest of the given algorithm in this encoding.
	 */
	public boolean isShapeOf(String value, HashAlgorithm algorithm) {
		if (value.length() != encodedLength(algorithm.digestLength())) {
			return false;
		}
		for (int i = 0; i < value.length(); i++) {
			if (!isAlphabet(value.charAt(i))) {
				return false;
			}
		}
		return true;
	}

}
