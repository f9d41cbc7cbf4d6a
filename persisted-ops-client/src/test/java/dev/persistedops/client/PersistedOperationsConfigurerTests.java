package dev.persistedops.client;

import org.junit.jupiter.api.Test;

import dev.persistedops.document.HashAlgorithm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link PersistedOperationsConfigurer}: the ids each convention sends, and
 * settings that do not fit together.
 */
class PersistedOperationsConfigurerTests {

	private static final String DOCUMENT = "{ books { title } }";

	private static final String SHA256 = "39047b30209bfc1671f9c980c85fed564c383f8cad503dbd1aa2fa350cb9e778";

	private static final String MD5 = "7d0b63998765c936a0199cfb040fae0d";

	@Test
	void eachConventionSendsTheIdItsServersExpect() {
		assertThat(idOf(PersistedOperationsConfigurer.builder())).isEqualTo("sha256:" + SHA256);
		assertThat(idOf(PersistedOperationsConfigurer.builder().convention(IdConvention.PERSISTED_QUERY)))
			.isEqualTo(SHA256);
		assertThat(idOf(PersistedOperationsConfigurer.builder().convention(IdConvention.DOC_ID))).isEqualTo(MD5);
		assertThat(idOf(PersistedOperationsConfigurer.builder()
			.convention(IdConvention.ID)
			.hashAlgorithm(HashAlgorithm.SHA256))).isEqualTo(SHA256);
		assertThat(idOf(PersistedOperationsConfigurer.builder()
			.convention(IdConvention.OPERATION_ID)
			.operationStoreClient("ios"))).isEqualTo("ios/" + MD5);
	}

	@Test
	void apqNeedsApollosConvention() {
		assertThatIllegalStateException()
			.isThrownBy(() -> PersistedOperationsConfigurer.builder().automaticPersistedQueries(true).build())
			.withMessageContaining("persisted-query convention");
	}

	@Test
	void operationIdNeedsAClientName() {
		assertThatIllegalStateException()
			.isThrownBy(() -> PersistedOperationsConfigurer.builder().convention(IdConvention.OPERATION_ID).build())
			.withMessageContaining("client name");
	}

	private static String idOf(PersistedOperationsConfigurer.Builder builder) {
		return builder.build().getOperationIds().idOf(DOCUMENT);
	}

}
