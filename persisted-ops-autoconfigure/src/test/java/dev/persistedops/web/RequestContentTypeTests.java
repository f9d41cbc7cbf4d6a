package dev.persistedops.web;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RequestContentType}.
 */
class RequestContentTypeTests {

	@ParameterizedTest
	@ValueSource(strings = { "application/json", "application/json; charset=utf-8", "APPLICATION/JSON",
			"application/graphql-response+json", "application/graphql" })
	void jsonBodiesAreReadAsUtf8(String contentType) {
		assertThat(RequestContentType.check(contentType, true)).isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void charsetOfTheHeaderIsTheBodys() {
		assertThat(RequestContentType.check("application/json; charset=ISO-8859-1", true))
			.isEqualTo(StandardCharsets.ISO_8859_1);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/*", "*/*", "*/json", "application/*+json", ";;", "application",
			"application/json; charset=bogus", "application/json; charset=\"", "text/plain", "multipart/form-data",
			"application/x-www-form-urlencoded", " " })
	void bodiesOfAnyOtherTypeAre415(String contentType) {
		assertThatExceptionOfType(InvalidGraphQlRequestException.class)
			.isThrownBy(() -> RequestContentType.check(contentType, true))
			.satisfies((ex) -> {
				assertThat(ex.getStatus()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
				assertThat(ex.getCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
				assertThat(ex.getMessage()).endsWith("send the body as application/json");
			});
	}

	@Test
	void headerAcceptedLastIsNotTakenForAnotherOrForARequestOfAnotherKind() {
		assertThat(RequestContentType.check("text/plain", false)).isEqualTo(StandardCharsets.UTF_8);
		assertThatExceptionOfType(InvalidGraphQlRequestException.class)
			.isThrownBy(() -> RequestContentType.check("text/plain", true));
		assertThat(RequestContentType.check("application/json; charset=ISO-8859-1", true))
			.isEqualTo(StandardCharsets.ISO_8859_1);
		assertThat(RequestContentType.check("application/json; charset=ISO-8859-1", true))
			.isEqualTo(StandardCharsets.ISO_8859_1);
		assertThat(RequestContentType.check("application/json", true)).isEqualTo(StandardCharsets.UTF_8);
		assertThatExceptionOfType(InvalidGraphQlRequestException.class)
			.isThrownBy(() -> RequestContentType.check("application/*", true));
	}

	@Test
	void bodyWithoutContentTypeIs415() {
		assertThatExceptionOfType(InvalidGraphQlRequestException.class)
			.isThrownBy(() -> RequestContentType.check(null, true))
			.withMessageContaining("no Content-Type");
	}

	@Test
	void requestWithoutBodyMayHaveAnyConcreteContentTypeOrNone() {
		assertThat(RequestContentType.check(null, false)).isEqualTo(StandardCharsets.UTF_8);
		assertThat(RequestContentType.check("text/plain", false)).isEqualTo(StandardCharsets.UTF_8);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/*", "*/*", ";;" })
	void requestWithoutBodyWithAWildcardOrUnparseableContentTypeIs415(String contentType) {
		assertThatExceptionOfType(InvalidGraphQlRequestException.class)
			.isThrownBy(() -> RequestContentType.check(contentType, false));
	}

}
