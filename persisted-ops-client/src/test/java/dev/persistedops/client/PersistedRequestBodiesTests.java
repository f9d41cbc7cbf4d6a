package dev.persistedops.client;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.persistedops.document.HashAlgorithm;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedRequestBodies}.
 */
class PersistedRequestBodiesTests {

	private final PersistedRequestBodies bodies = new PersistedRequestBodies(
			new HashedOperationIds(HashAlgorithm.MD5, ""), IdConvention.ID);

	@Test
	void requestBodyBecomesIdOnly() {
		assertThat(this.bodies.idOnly(Map.of("query", "{ books { title } }", "variables", Map.of("a", 1))))
			.containsOnly(Map.entry("id", "7d0b63998765c936a0199cfb040fae0d"), Map.entry("variables", Map.of("a", 1)));
	}

	@Test
	void otherMapsAreLeftAlone() {
		assertThat(this.bodies.idOnly(Map.of("query", "{ books { title } }", "title", "x"))).isNull();
		assertThat(this.bodies.idOnly(Map.of("book", Map.of()))).isNull();
		assertThat(this.bodies.idOnly("{ books { title } }")).isNull();
	}

}
