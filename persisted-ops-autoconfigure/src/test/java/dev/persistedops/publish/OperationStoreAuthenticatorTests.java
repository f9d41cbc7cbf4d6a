package dev.persistedops.publish;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OperationStoreAuthenticator}.
 */
class OperationStoreAuthenticatorTests {

	private static final byte[] BODY = "{\"operations\":[]}".getBytes(StandardCharsets.UTF_8);

	private final OperationStoreAuthenticator authenticator = new OperationStoreAuthenticator(
			Map.of("ios", List.of("old-secret", "new-secret")));

	@Test
	void signsLikeGraphQlRubyTheTestVector() {
		assertThat(OperationStoreAuthenticator.sign("2f26b770ded2a04279bc4bf824ca54ac",
				"{\"payload\":[1,2,3]}".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("f6eab31abc2fa446dbfd2e9c10a778aaffd4d0c1d62dd9513d6f7ea60557987c");
	}

	@Test
	void acceptsABodySignedWithAnyOfTheClientsSecrets() {
		assertThat(this.authenticator.authenticate(header("ios", "old-secret", BODY), BODY)).isEqualTo("ios");
		assertThat(this.authenticator.authenticate(header("ios", "new-secret", BODY), BODY)).isEqualTo("ios");
	}

	@Test
	void refusesAWrongSecret() {
		assertThat(this.authenticator.authenticate(header("ios", "guess", BODY), BODY)).isNull();
	}

	@Test
	void refusesAnUnknownClient() {
		assertThat(this.authenticator.authenticate(header("android", "old-secret", BODY), BODY)).isNull();
	}

	@Test
	void refusesABodyAlteredAfterSigning() {
		byte[] altered = "{\"operations\":[ ]}".getBytes(StandardCharsets.UTF_8);
		assertThat(this.authenticator.authenticate(header("ios", "old-secret", BODY), altered)).isNull();
	}

	@Test
	void refusesAMissingHeader() {
		assertThat(this.authenticator.authenticate(null, BODY)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "GraphQL::Pro", "GraphQL::Pro ios", "Bearer ios abc", "GraphQL::Pro ios not-hex",
			"GraphQL::Pro ios abc def", "graphql::pro ios 00" })
	void refusesAMalformedHeader(String header) {
		assertThat(this.authenticator.authenticate(header, BODY)).isNull();
	}

	private static String header(String client, String secret, byte[] body) {
		return "GraphQL::Pro " + client + " " + OperationStoreAuthenticator.sign(secret, body);
	}

}
