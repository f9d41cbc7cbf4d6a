package dev.persistedops.maven.publish;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RequestSignature}, against GraphQL-Ruby's published test vector.
 */
class RequestSignatureTests {

	@Test
	void signatureIsTheHexHmacSha256OfTheBody() {
		byte[] body = "{\"payload\":[1,2,3]}".getBytes(StandardCharsets.UTF_8);
		assertThat(RequestSignature.authorization("ios", "2f26b770ded2a04279bc4bf824ca54ac", body))
			.isEqualTo("GraphQL::Pro ios f6eab31abc2fa446dbfd2e9c10a778aaffd4d0c1d62dd9513d6f7ea60557987c");
	}

}
