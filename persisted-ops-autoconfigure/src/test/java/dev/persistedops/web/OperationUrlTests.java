package dev.persistedops.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OperationUrl}.
 */
class OperationUrlTests {

	@Test
	void persistedUrlTakesTheRestOfThePathAsTheId() {
		assertThat(OperationUrl.parse("/graphql", "/graphql/persisted/abc")).isEqualTo(new OperationUrl("abc", null));
		assertThat(OperationUrl.parse("/graphql", "/graphql/persisted/ios/abc"))
			.isEqualTo(new OperationUrl("ios/abc", null));
	}

	@Test
	void graphQlOverHttpUrlTakesAPrefixedIdAndAnOperationName() {
		assertThat(OperationUrl.parse("/graphql", "/graphql/sha256:abc/GetBook"))
			.isEqualTo(new OperationUrl("sha256:abc", "GetBook"));
		assertThat(OperationUrl.parse("/graphql", "/graphql/sha256:abc"))
			.isEqualTo(new OperationUrl("sha256:abc", null));
	}

	@Test
	void segmentsAreDecoded() {
		assertThat(OperationUrl.parse("/graphql", "/graphql/sha256%3Aabc/Get%42ook"))
			.isEqualTo(new OperationUrl("sha256:abc", "GetBook"));
		assertThat(OperationUrl.parse("/graphql", "/graphql/persisted/..%2Fpom"))
			.isEqualTo(new OperationUrl("../pom", null));
	}

	@Test
	void graphQlPathWithATrailingSlashIsTheSame() {
		assertThat(OperationUrl.parse("/graphql/", "/graphql/persisted/abc")).isEqualTo(new OperationUrl("abc", null));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/graphql", "/graphql/", "/graphql/schema", "/graphql/persisted", "/graphql/persisted/",
			"/graphql/abc/GetBook", "/graphql/:abc", "/graphql/x:y/Op/extra", "/graphql/x:y/", "/graphql/persisted/%zz",
			"/graphql/sha256:%zz", "/graphqlx/persisted/abc", "/other/persisted/abc" })
	void otherPathsAreNotOperationUrls(String path) {
		assertThat(OperationUrl.parse("/graphql", path)).isNull();
	}

}
