package dev.persistedops.client;

import org.junit.jupiter.api.Test;

import dev.persistedops.document.HashAlgorithm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link HashedOperationIds}.
 */
class HashedOperationIdsTests {

	private static final String DOCUMENT = "{ books { title } }";

	@Test
	void idIsThePrefixAndTheHexDigestOfTheExactText() {
		assertThat(new HashedOperationIds(HashAlgorithm.SHA256, "sha256:").idOf(DOCUMENT))
			.isEqualTo("sha256:39047b30209bfc1671f9c980c85fed564c383f8cad503dbd1aa2fa350cb9e778");
		assertThat(new HashedOperationIds(HashAlgorithm.MD5, "ios/").idOf(DOCUMENT))
			.isEqualTo("ios/7d0b63998765c936a0199cfb040fae0d");
	}

	@Test
	void eachTextIsHashedOnceAndKept() {
		HashedOperationIds ids = new HashedOperationIds(HashAlgorithm.SHA256, "");
		String first = ids.idOf(DOCUMENT);
		assertThat(ids.idOf(DOCUMENT)).isSameAs(first);
		assertThat(ids.cachedCount()).isOne();
	}

	@Test
	void cacheIsBoundedForDocumentsBuiltAtRunTime() {
		HashedOperationIds ids = new HashedOperationIds(HashAlgorithm.MD5, "");
		for (int i = 0; i < HashedOperationIds.MAXIMUM_CACHED + 100; i++) {
			ids.idOf("{ book(id: " + i + ") { title } }");
		}
		assertThat(ids.cachedCount()).isEqualTo(HashedOperationIds.MAXIMUM_CACHED);
		assertThat(ids.idOf("{ book(id: 1) { title } }")).hasSize(32);
	}

}
