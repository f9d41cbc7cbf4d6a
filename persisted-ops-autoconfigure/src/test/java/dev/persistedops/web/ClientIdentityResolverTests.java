package dev.persistedops.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ClientIdentityResolver}.
 */
class ClientIdentityResolverTests {

	private final ClientIdentityResolver resolver = new ClientIdentityResolver(
			List.of("apollographql-client-name", "graphql-client-name"),
			List.of("apollographql-client-version", "graphql-client-version"), 20);

	@Test
	void readsNameAndVersion() {
		assertThat(resolve("apollographql-client-name", "ios-app", "apollographql-client-version", "4.2.0"))
			.isEqualTo(new ClientIdentity("ios-app", "4.2.0"));
	}

	@Test
	void versionIsOptional() {
		assertThat(resolve("graphql-client-name", "web")).isEqualTo(new ClientIdentity("web", null));
	}

	@Test
	void versionWithoutANameNamesNoClient() {
		assertThat(resolve("apollographql-client-version", "4.2.0")).isNull();
	}

	@Test
	void requestWithoutTheHeadersNamesNoClient() {
		assertThat(resolve()).isNull();
		assertThat(resolve("x-client-name", "ios-app")).isNull();
	}

	@Test
	void firstConfiguredHeaderWins() {
		assertThat(resolve("graphql-client-name", "second", "apollographql-client-name", "first",
				"graphql-client-version", "2.0", "apollographql-client-version", "1.0"))
			.isEqualTo(new ClientIdentity("first", "1.0"));
	}

	@Test
	void laterHeaderIsReadWhenTheFirstIsMissing() {
		assertThat(resolve("graphql-client-name", "second", "graphql-client-version", "2.0"))
			.isEqualTo(new ClientIdentity("second", "2.0"));
	}

	@Test
	void blankHeaderIsIgnored() {
		assertThat(resolve("apollographql-client-name", "   ", "graphql-client-name", "second"))
			.isEqualTo(new ClientIdentity("second", null));
		assertThat(resolve("apollographql-client-name", "")).isNull();
		assertThat(resolve("apollographql-client-name", "web", "apollographql-client-version", " ",
				"graphql-client-version", "2.0"))
			.isEqualTo(new ClientIdentity("web", "2.0"));
	}

	@Test
	void valuesAreTrimmed() {
		assertThat(resolve("apollographql-client-name", "  ios-app\t", "apollographql-client-version", " 4.2.0 "))
			.isEqualTo(new ClientIdentity("ios-app", "4.2.0"));
	}

	@Test
	void valuesAreCutToTheMaximumLength() {
		ClientIdentityResolver resolver = new ClientIdentityResolver(List.of("name"), List.of("version"), 5);
		assertThat(resolver.resolve(request("name", "  android-app  ", "version", "10.20.30")))
			.isEqualTo(new ClientIdentity("andro", "10.20"));
		assertThat(resolver.resolve(request("name", "ios"))).isEqualTo(new ClientIdentity("ios", null));
	}

	@Test
	void nameWithTheAllowedPunctuationIsKept() {
		assertThat(resolve("apollographql-client-name", "app/2 @a+x:y~z_1.0"))
			.isEqualTo(new ClientIdentity("app/2 @a+x:y~z_1.0", null));
	}

	@Test
	void nameWithUnsafeCharactersIsIgnored() {
		for (String unsafe : List.of("ios\napp", "ios\r\nINFO forged", "ios\tapp", "ios\u0000", "ios\u001b[31m",
				"\"ios\"", "'ios'", "<script>", "ios;drop", "ios,app", "ios=app", "ios&app", "ios\\app", "ios{}",
				"ios%0a", "ios\u2028app")) {
			assertThat(resolve("apollographql-client-name", unsafe)).as(unsafe).isNull();
		}
	}

	@Test
	void unsafeValueOfTheFirstHeaderFallsBackToTheNextHeader() {
		assertThat(resolve("apollographql-client-name", "ios\napp", "graphql-client-name", "web"))
			.isEqualTo(new ClientIdentity("web", null));
	}

	@Test
	void unsafeCharacterBeyondTheMaximumLengthStillRejectsTheValue() {
		ClientIdentityResolver resolver = new ClientIdentityResolver(List.of("name"), List.of(), 5);
		assertThat(resolver.resolve(request("name", "ios-a\nINFO forged"))).isNull();
	}

	@Test
	void valueCutAtASpaceLeavesNoTrailingSpace() {
		ClientIdentityResolver resolver = new ClientIdentityResolver(List.of("name"), List.of(), 4);
		assertThat(resolver.resolve(request("name", "ios app"))).isEqualTo(new ClientIdentity("ios", null));
	}

	@Test
	void versionWithUnsafeCharactersIsIgnoredButTheNameIsKept() {
		assertThat(resolve("apollographql-client-name", "ios-app", "apollographql-client-version", "4.2\n<b>"))
			.isEqualTo(new ClientIdentity("ios-app", null));
	}

	@Test
	void maximumLengthMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientIdentityResolver(List.of("name"), List.of("version"), 0));
	}

	@Test
	void clientIdentityPrintsNameAndVersion() {
		assertThat(new ClientIdentity("ios-app", "4.2.0")).hasToString("ios-app 4.2.0");
		assertThat(new ClientIdentity("ios-app", null)).hasToString("ios-app");
	}

	private ClientIdentity resolve(String... headerNamesAndValues) {
		return this.resolver.resolve(request(headerNamesAndValues));
	}

	private static WebGraphQlRequest request(String... headerNamesAndValues) {
		HttpHeaders headers = new HttpHeaders();
		for (int i = 0; i < headerNamesAndValues.length; i += 2) {
			headers.add(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
		}
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), headers, null, null, Map.of(),
				Map.of("query", "{ greeting }"), "1", null);
	}

}
