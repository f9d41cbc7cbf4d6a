package dev.persistedops.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DocumentHasher}.
 */
class DocumentHasherTests {

	private static final String DOCUMENT = "query Hello($name: String!) {\n  hello(name: $name)\n}\n";

	@ParameterizedTest
	@CsvSource(textBlock = """
			MD5,    HEX,       '',  d41d8cd98f00b204e9800998ecf8427e
			SHA1,   HEX,       '',  da39a3ee5e6b4b0d3255bfef95601890afd80709
			SHA256, HEX,       '',  e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
			MD5,    BASE64URL, '',  1B2M2Y8AsgTpgAmY7PhCfg
			SHA1,   BASE64URL, '',  2jmj7l5rSw0yVb_vlWAYkK_YBwk
			SHA256, BASE64URL, '',  47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU
			MD5,    HEX,       abc, 900150983cd24fb0d6963f7d28e17f72
			SHA1,   HEX,       abc, a9993e364706816aba3e25717850c26c9cd0d89d
			SHA256, HEX,       abc, ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
			MD5,    BASE64URL, abc, kAFQmDzST7DWlj99KOF_cg
			SHA1,   BASE64URL, abc, qZk-NkcGgWq6PiVxeFDCbJzQ2J0
			SHA256, BASE64URL, abc, ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0
			""")
	void hashesKnownVectors(HashAlgorithm algorithm, HashEncoding encoding, String text, String expected) {
		DocumentHasher hasher = new DocumentHasher(algorithm, encoding);
		assertThat(hasher.hash(text)).isEqualTo(expected);
		assertThat(hasher.isHashOf(text, expected)).isTrue();
		assertThat(hasher.isHashOf(text + " ", expected)).isFalse();
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			HEX,       0
			HEX,       31
			HEX,       63
			BASE64URL, 0
			BASE64URL, 42
			""")
	void isHashOfRefusesAHashWithOneCharacterChanged(HashEncoding encoding, int position) {
		DocumentHasher hasher = new DocumentHasher(HashAlgorithm.SHA256, encoding);
		String hash = hasher.hash(DOCUMENT);
		char changed = (hash.charAt(position) == '0') ? '1' : '0';
		String other = hash.substring(0, position) + changed + hash.substring(position + 1);
		assertThat(hasher.isHashOf(DOCUMENT, other)).isFalse();
	}

	@Test
	void isHashOfRefusesUppercaseHexOtherLengthsAndOtherAlgorithms() {
		DocumentHasher sha256 = new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.HEX);
		String hash = sha256.hash(DOCUMENT);
		assertThat(sha256.isHashOf(DOCUMENT, hash.toUpperCase())).isFalse();
		assertThat(sha256.isHashOf(DOCUMENT, hash.substring(1))).isFalse();
		assertThat(sha256.isHashOf(DOCUMENT, hash + "0")).isFalse();
		assertThat(sha256.isHashOf(DOCUMENT, "")).isFalse();
		assertThat(sha256.isHashOf(DOCUMENT, new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX).hash(DOCUMENT)))
			.isFalse();
	}

	@Test
	void hexHashIsTheLowercaseHexOfTheDigestOfTheUtf8Bytes() throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(DOCUMENT.getBytes(StandardCharsets.UTF_8));
		assertThat(new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.HEX).hash(DOCUMENT))
			.isEqualTo(HexFormat.of().formatHex(digest));
	}

	@Test
	void base64urlHashIsTheUnpaddedUrlSafeBase64OfTheDigestOfTheUtf8Bytes() throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(DOCUMENT.getBytes(StandardCharsets.UTF_8));
		String hash = new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.BASE64URL).hash(DOCUMENT);
		assertThat(hash).isEqualTo(Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
		assertThat(hash).hasSize(43).doesNotContain("=", "+", "/");
	}

	@Test
	void hashesNonAsciiTextAsUtf8() {
		DocumentHasher hasher = new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX);
		assertThat(hasher.hash("query { caf\u00e9 }\n")).isEqualTo("4aaa3f1908aa995fab686ffe80d31a7c");
		assertThat(new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.HEX).hash("query { caf\u00e9 }\n"))
			.isEqualTo("809e04295fcd0a4e92deb6d0890ba363595fd03ec9f644c9fd7f1dba5d22a0bf");
	}

	@Test
	void trailingNewlineChangesTheHash() {
		DocumentHasher hasher = new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX);
		assertThat(hasher.hash("abc\n")).isEqualTo("0bee89b07a248e27c83fc3d5951213c1");
		assertThat(hasher.hash("abc\r\n")).isEqualTo("c13b6afecf97ea6b38d21a8f5167fa1e");
		assertThat(hasher.hash("abc")).isEqualTo("900150983cd24fb0d6963f7d28e17f72");
	}

	@Test
	void surroundingWhitespaceIsNotTrimmed() {
		DocumentHasher hasher = new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.HEX);
		assertThat(hasher.hash(" abc")).isNotEqualTo(hasher.hash("abc"));
		assertThat(hasher.hash("abc ")).isNotEqualTo(hasher.hash("abc"));
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			MD5,    HEX,       900150983cd24fb0d6963f7d28e17f72
			SHA1,   HEX,       a9993e364706816aba3e25717850c26c9cd0d89d
			SHA256, HEX,       ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
			MD5,    BASE64URL, kAFQmDzST7DWlj99KOF_cg
			SHA1,   BASE64URL, qZk-NkcGgWq6PiVxeFDCbJzQ2J0
			SHA256, BASE64URL, ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0
			""")
	void isShapeOfHashAcceptsWhatTheHasherProduces(HashAlgorithm algorithm, HashEncoding encoding, String id) {
		assertThat(new DocumentHasher(algorithm, encoding).isShapeOfHash(id)).isTrue();
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			MD5,    HEX,       900150983CD24FB0D6963F7D28E17F72
			MD5,    HEX,       900150983cd24fb0d6963f7d28e17f7
			MD5,    HEX,       900150983cd24fb0d6963f7d28e17f72a
			MD5,    HEX,       g00150983cd24fb0d6963f7d28e17f72
			MD5,    HEX,       a9993e364706816aba3e25717850c26c9cd0d89d
			SHA256, HEX,       900150983cd24fb0d6963f7d28e17f72
			SHA1,   HEX,       getUser
			MD5,    BASE64URL, kAFQmDzST7DWlj99KOF/cg
			MD5,    BASE64URL, kAFQmDzST7DWlj99KOF+cg
			MD5,    BASE64URL, kAFQmDzST7DWlj99KOF_cg==
			MD5,    BASE64URL, kAFQmDzST7DWlj99KOF_c
			MD5,    BASE64URL, kAFQmDzST7DWlj99KOF.cg
			SHA256, BASE64URL, kAFQmDzST7DWlj99KOF_cg
			""")
	void isShapeOfHashRefusesOtherLengthsAndAlphabets(HashAlgorithm algorithm, HashEncoding encoding, String id) {
		assertThat(new DocumentHasher(algorithm, encoding).isShapeOfHash(id)).isFalse();
	}

	@Test
	void requiresAnAlgorithmAndAnEncoding() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DocumentHasher(null, HashEncoding.HEX))
			.withMessage("algorithm is required");
		assertThatIllegalArgumentException().isThrownBy(() -> new DocumentHasher(HashAlgorithm.MD5, null))
			.withMessage("encoding is required");
	}

}
