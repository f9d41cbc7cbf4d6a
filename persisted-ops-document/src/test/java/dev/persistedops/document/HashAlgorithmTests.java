package dev.persistedops.document;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link HashAlgorithm}, against the digests' published test vectors.
 */
class HashAlgorithmTests {

	@Test
	void hexDigestsOfTheUtf8Text() {
		assertThat(HashAlgorithm.MD5.hex("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
		assertThat(HashAlgorithm.SHA1.hex("abc")).isEqualTo("a9993e364706816aba3e25717850c26c9cd0d89d");
		assertThat(HashAlgorithm.SHA256.hex("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(HashAlgorithm.SHA256.hex("é")).isEqualTo(HashAlgorithm.SHA256.hex("\u00e9"))
			.isNotEqualTo(HashAlgorithm.SHA256.hex("e\u0301"));
	}

	@Test
	void digestsOnManyThreadsAtOnceAreEachTheDigestOfTheirOwnText() {
		List<String> texts = IntStream.range(0, 2_000).mapToObj((i) -> "query Q" + i + " { a }").toList();
		List<String> sequential = texts.stream().map(HashAlgorithm.SHA256::hex).toList();
		List<String> parallel = texts.parallelStream().map(HashAlgorithm.SHA256::hex).toList();
		assertThat(parallel).isEqualTo(sequential).doesNotHaveDuplicates();
		assertThat(sequential.get(0)).isEqualTo(HashAlgorithm.SHA256.hex("query Q0 { a }"));
		assertThat(HashAlgorithm.SHA256.hex("abc"))
			.isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	}

	@Test
	void namesAreReadInAnyCase() {
		assertThat(HashAlgorithm.of("SHA256")).isEqualTo(HashAlgorithm.SHA256);
		assertThat(HashAlgorithm.of(" md5 ")).isEqualTo(HashAlgorithm.MD5);
		assertThatIllegalArgumentException().isThrownBy(() -> HashAlgorithm.of("sha-512"))
			.withMessage("'sha-512' is not a hash algorithm; use one of md5, sha1, sha256");
	}

}
