package dev.persistedops.document;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HashedIdVerifier}.
 */
class HashedIdVerifierTests {

	private static final String MD5_HEX_OF_ABC = "900150983cd24fb0d6963f7d28e17f72";

	private static final String SHA1_HEX_OF_ABC = "a9993e364706816aba3e25717850c26c9cd0d89d";

	private static final String SHA256_HEX_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	private static final String MD5_BASE64URL_OF_ABC = "kAFQmDzST7DWlj99KOF_cg";

	private static final String SHA256_BASE64URL_OF_ABC = "ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0";

	@ParameterizedTest
	@EnumSource(HashAlgorithm.class)
	void checksHexIdsWithTheAlgorithmOfTheirLengthWhateverIsConfigured(HashAlgorithm configured) {
		HashedIdVerifier verifier = new HashedIdVerifier(new DocumentHasher(configured, HashEncoding.BASE64URL));
		assertThat(verifier.claimedHasher(OperationId.of(MD5_HEX_OF_ABC)))
			.isEqualTo(new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX));
		assertThat(verifier.claimedHasher(OperationId.of(SHA1_HEX_OF_ABC)))
			.isEqualTo(new DocumentHasher(HashAlgorithm.SHA1, HashEncoding.HEX));
		assertThat(verifier.claimedHasher(OperationId.of(SHA256_HEX_OF_ABC)))
			.isEqualTo(new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.HEX));
	}

	@ParameterizedTest
	@ValueSource(strings = { MD5_HEX_OF_ABC, SHA1_HEX_OF_ABC, SHA256_HEX_OF_ABC, "sha256:" + SHA256_HEX_OF_ABC })
	void hexIdMatchesTheTextItIsTheHashOf(String id) {
		HashedIdVerifier verifier = new HashedIdVerifier(new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX));
		assertThat(verifier.verify(OperationId.of(id), "abc")).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { MD5_HEX_OF_ABC, SHA1_HEX_OF_ABC, SHA256_HEX_OF_ABC, "sha256:" + SHA256_HEX_OF_ABC })
	void hexIdDoesNotMatchAnotherText(String id) {
		HashedIdVerifier verifier = new HashedIdVerifier(new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX));
		assertThat(verifier.verify(OperationId.of(id), "abd")).isFalse();
		assertThat(verifier.verify(OperationId.of(id), "abc\n")).isFalse();
	}

	@Test
	void checksBase64urlIdsWhenTheConfiguredEncodingIsBase64url() {
		DocumentHasher configured = new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.BASE64URL);
		HashedIdVerifier verifier = new HashedIdVerifier(configured);
		OperationId id = OperationId.of(SHA256_BASE64URL_OF_ABC);
		assertThat(verifier.claimedHasher(id)).isEqualTo(configured);
		assertThat(verifier.verify(id, "abc")).isTrue();
		assertThat(verifier.verify(id, "abd")).isFalse();
	}

	@Test
	void checksMd5Base64urlIdsWhenMd5Base64urlIsConfigured() {
		HashedIdVerifier verifier = new HashedIdVerifier(new DocumentHasher(HashAlgorithm.MD5, HashEncoding.BASE64URL));
		assertThat(verifier.verify(OperationId.of(MD5_BASE64URL_OF_ABC), "abc")).isTrue();
		assertThat(verifier.verify(OperationId.of(MD5_BASE64URL_OF_ABC), "abd")).isFalse();
	}

	@ParameterizedTest
	@EnumSource(HashAlgorithm.class)
	void doesNotCheckBase64urlShapedIdsWhenTheConfiguredEncodingIsHex(HashAlgorithm configured) {
		HashedIdVerifier verifier = new HashedIdVerifier(new DocumentHasher(configured, HashEncoding.HEX));
		OperationId id = OperationId.of(SHA256_BASE64URL_OF_ABC);
		assertThat(verifier.claimedHasher(id)).isNull();
		assertThat(verifier.verify(id, "anything at all")).isTrue();
	}

	@Test
	void doesNotCheckBase64urlIdsShapedForAnotherAlgorithmThanTheConfiguredOne() {
		HashedIdVerifier verifier = new HashedIdVerifier(new DocumentHasher(HashAlgorithm.MD5, HashEncoding.BASE64URL));
		OperationId id = OperationId.of(SHA256_BASE64URL_OF_ABC);
		assertThat(verifier.claimedHasher(id)).isNull();
		assertThat(verifier.verify(id, "abd")).isTrue();
	}

	@Test
	void checksNamespacedIdsOnTheirLocalName() {
		HashedIdVerifier verifier = new HashedIdVerifier(new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.HEX));
		OperationId id = OperationId.of("web/" + MD5_HEX_OF_ABC);
		assertThat(verifier.claimedHasher(id)).isEqualTo(new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX));
		assertThat(verifier.verify(id, "abc")).isTrue();
		assertThat(verifier.verify(id, "abd")).isFalse();
	}

	@Test
	void checksNestedNamespacedBase64urlIdsOnTheirLocalName() {
		HashedIdVerifier verifier = new HashedIdVerifier(
				new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.BASE64URL));
		OperationId id = OperationId.of("clients/web/" + SHA256_BASE64URL_OF_ABC);
		assertThat(verifier.verify(id, "abc")).isTrue();
		assertThat(verifier.verify(id, "abd")).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "getUser", "web/getUser", "900150983CD24FB0D6963F7D28E17F72",
			"900150983cd24fb0d6963f7d28e17f7", "900150983cd24fb0d6963f7d28e17f72a", MD5_HEX_OF_ABC + "/getUser" })
	void doesNotCheckIdsThatAreNotHashShaped(String value) {
		HashedIdVerifier verifier = new HashedIdVerifier(new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX));
		OperationId id = OperationId.of(value);
		assertThat(verifier.claimedHasher(id)).isNull();
		assertThat(verifier.verify(id, "anything at all")).isTrue();
	}

}
