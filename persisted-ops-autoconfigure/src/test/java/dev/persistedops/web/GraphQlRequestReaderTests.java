package dev.persistedops.web;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link GraphQlRequestReader}.
 */
class GraphQlRequestReaderTests {

	private final GraphQlRequestReader reader = new GraphQlRequestReader(
			new PersistedRequestBody(EnumSet.allOf(IdConvention.class)), new GetRequestParameters(JsonMapper.shared()),
			new RequestLimits(1024, 64, 4, JsonMapper.shared()), JsonMapper.shared());

	@Test
	void jsonBodyWithAnIdIsNormalized() {
		Map<String, Object> body = this.reader.readBody("application/json", bytes("{\"id\":\"abc\"}"), null);
		assertThat(body).containsEntry("query", PersistedRequestBody.PLACEHOLDER_DOCUMENT);
	}

	@Test
	void bodyInTheCharsetOfTheHeaderIsDecoded() {
		byte[] latin1 = "{\"query\":\"{ greeting(name: \\\"\u00e9\\\") }\"}".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(this.reader.readBody("application/json;charset=ISO-8859-1", latin1, null)).containsEntry("query",
				"{ greeting(name: \"\u00e9\") }");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "[]", "\"x\"", "null", "{\"id\":", "{}", "{\"query\":\"\"}" })
	void bodyThatIsNotAGraphQlRequestIs400(String body) {
		assertThatExceptionOfType(InvalidGraphQlRequestException.class)
			.isThrownBy(() -> this.reader.readBody("application/json", bytes(body), null))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST));
	}

	@Test
	void bodyOfAnotherMediaTypeIs415() {
		assertThatExceptionOfType(InvalidGraphQlRequestException.class)
			.isThrownBy(() -> this.reader.readBody("text/plain", bytes("{\"id\":\"abc\"}"), null))
			.satisfies((ex) -> assertThat(ex.getStatus()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE));
	}

	@Test
	void variablesLimitsHoldOnEveryTransport() {
		String variables = "{\"v\":\"" + "x".repeat(100) + "\"}";
		assertThatExceptionOfType(InvalidGraphQlRequestException.class).isThrownBy(() -> this.reader
			.readBody("application/json", bytes("{\"id\":\"abc\",\"variables\":" + variables + "}"), null));
		MultiValueMap<String, String> parameters = new LinkedMultiValueMap<>();
		parameters.add("id", "abc");
		parameters.add("variables", variables);
		assertThatExceptionOfType(InvalidGraphQlRequestException.class)
			.isThrownBy(() -> this.reader.readQueryParameters(parameters, null));
		assertThatExceptionOfType(InvalidGraphQlRequestException.class)
			.isThrownBy(() -> this.reader.readPayload(Map.of("id", "abc", "variables", Map.of("v", "x".repeat(100)))));
	}

	@Test
	void operationUrlCarriesItsIdAndOperationName() {
		Map<String, Object> body = this.reader.readQueryParameters(new LinkedMultiValueMap<>(),
				new OperationUrl("sha256:abc", "GetBook"));
		assertThat(body).containsEntry("operationName", "GetBook")
			.containsEntry("extensions",
					Map.of(PersistedRequestBody.ID_CARRIER, Map.of(PersistedRequestBody.URL_ID, "sha256:abc")));
	}

	@Test
	void operationNameThatDiffersFromTheUrlsIs400() {
		assertThatExceptionOfType(InvalidGraphQlRequestException.class)
			.isThrownBy(() -> this.reader.readBody("application/json", bytes("{\"operationName\":\"Other\"}"),
					new OperationUrl("sha256:abc", "GetBook")))
			.withMessage("The request names the operation 'Other' but its URL names 'GetBook'");
	}

	@Test
	void payloadWithoutQueryOrIdIs400() {
		assertThatExceptionOfType(InvalidGraphQlRequestException.class)
			.isThrownBy(() -> this.reader.readPayload(Map.of("variables", Map.of())))
			.withMessage("The request has no 'query' and no operation id");
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
