package dev.persistedops.web;

import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link RequestLimits}.
 */
class RequestLimitsTests {

	private final RequestLimits limits = new RequestLimits(1024, 100, 3, JsonMapper.shared());

	@Test
	void declaredLengthOverTheLimitIs413() {
		assertThatNoException().isThrownBy(() -> this.limits.checkContentLength(1024));
		assertThatNoException().isThrownBy(() -> this.limits.checkContentLength(-1));
		assertThatExceptionOfType(InvalidGraphQlRequestException.class)
			.isThrownBy(() -> this.limits.checkContentLength(1025))
			.satisfies((ex) -> {
				assertThat(ex.getStatus()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE);
				assertThat(ex.getCode()).isEqualTo("REQUEST_TOO_LARGE");
				assertThat(ex.getMessage()).isEqualTo("The request body is larger than 1 KB");
			});
	}

	@Test
	void variablesReadFromLessThanHalfTheLimitAreNotMeasuredAndLargerSourcesAre() {
		// 1e-7 reads as a double and is written back as 1.0E-7: 50 bytes of source grow
		// to over 70, still under the 100 byte limit
		String json = "{\"v\":[" + String.join(",", Collections.nCopies(9, "1e-7")) + "]}";
		Map<String, Object> body = Map.of("variables", JsonMapper.shared().readValue(json, Map.class));
		assertThatNoException().isThrownBy(() -> this.limits.checkVariables(body, json.length()));
		Map<String, Object> large = Map.of("variables", Map.of("v", "x".repeat(93)));
		assertThatExceptionOfType(InvalidGraphQlRequestException.class)
			.isThrownBy(() -> this.limits.checkVariables(large, 51));
		// a source of half the limit is taken at its word: nothing is written
		assertThatNoException().isThrownBy(() -> this.limits.checkVariables(large, 50));
	}

	@Test
	void variablesAreMeasuredAsCompactJson() {
		// {"v":"<92 characters>"} is 100 bytes
		assertThatNoException()
			.isThrownBy(() -> this.limits.checkVariables(Map.of("variables", Map.of("v", "x".repeat(92)))));
		assertThatExceptionOfType(InvalidGraphQlRequestException.class)
			.isThrownBy(() -> this.limits.checkVariables(Map.of("variables", Map.of("v", "x".repeat(93)))))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(HttpStatus.CONTENT_TOO_LARGE))
			.withMessage("'variables' are larger than 100 bytes");
	}

	@Test
	void variablesAreMeasuredInUtf8Bytes() {
		// "é" is two bytes: {"v":"<47 é>"} is 102 bytes
		assertThatExceptionOfType(InvalidGraphQlRequestException.class)
			.isThrownBy(() -> this.limits.checkVariables(Map.of("variables", Map.of("v", "\u00e9".repeat(47)))));
	}

	@Test
	void nestingUpToTheDepthIsAllowedAndDeeperIs400() {
		Map<String, Object> threeLevels = Map.of("a", Map.of("b", List.of(1)));
		assertThatNoException().isThrownBy(() -> this.limits.checkVariables(Map.of("variables", threeLevels)));
		Map<String, Object> fourLevels = Map.of("a", Map.of("b", List.of(List.of())));
		assertThatExceptionOfType(InvalidGraphQlRequestException.class)
			.isThrownBy(() -> this.limits.checkVariables(Map.of("variables", fourLevels)))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST))
			.withMessage("'variables' are nested more than 3 levels deep");
	}

	@Test
	void requestWithoutVariablesPasses() {
		assertThatNoException().isThrownBy(() -> this.limits.checkVariables(Map.of("query", "{ a }")));
	}

	@Test
	void limitsAreDescribedInTheirUnit() {
		assertThat(new RequestLimits(1024 * 1024, 1, 1, JsonMapper.shared()).bodyTooLarge())
			.hasMessage("The request body is larger than 1 MB");
		assertThat(new RequestLimits(1000, 1, 1, JsonMapper.shared()).bodyTooLarge())
			.hasMessage("The request body is larger than 1000 bytes");
	}

}
