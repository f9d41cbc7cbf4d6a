package dev.persistedops.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.persistedops.document.InvalidOperationIdException;
import dev.persistedops.document.OperationId;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link OperationIdResolver}.
 */
class OperationIdResolverTests {

	private static final String SHA256 = "7420949d383561875d216ad39c4da487de6ffb1b4dad2cbf2cdfedb5641a5a7b";

	private final OperationIdResolver resolver = new OperationIdResolver(EnumSet.allOf(IdConvention.class));

	static Stream<Arguments> bodiesByConvention() {
		return Stream.of(Arguments.of(IdConvention.ID, Map.of("id", SHA256)),
				Arguments.of(IdConvention.DOCUMENT_ID, Map.of("documentId", SHA256)),
				Arguments.of(IdConvention.DOC_ID, Map.of("doc_id", SHA256)),
				Arguments.of(IdConvention.OPERATION_ID, Map.of("operationId", SHA256)),
				Arguments.of(IdConvention.EXTENSIONS_OPERATION_ID, Map.of("extensions", Map.of("operationId", SHA256))),
				Arguments.of(IdConvention.PERSISTED_QUERY,
						Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", SHA256)))));
	}

	@ParameterizedTest
	@MethodSource("bodiesByConvention")
	void findsTheIdOfEachConvention(IdConvention convention, Map<String, Object> body) {
		OperationId id = new OperationIdResolver(EnumSet.of(convention)).resolve(request(body));
		assertThat(id).isNotNull();
		assertThat(id.value()).isEqualTo(SHA256);
	}

	@ParameterizedTest
	@MethodSource("bodiesByConvention")
	void ignoresTheIdOfADisabledConvention(IdConvention convention, Map<String, Object> body) {
		EnumSet<IdConvention> others = EnumSet.complementOf(EnumSet.of(convention));
		assertThat(new OperationIdResolver(others).resolve(request(body))).isNull();
	}

	@Test
	void ignoresAMalformedPersistedQueryWhenThatConventionIsDisabled() {
		OperationIdResolver resolver = new OperationIdResolver(IdConvention.topLevel());
		Map<String, Object> body = Map.of("query", "{ greeting }", "extensions", Map.of("persistedQuery", "abc"));
		assertThat(resolver.resolve(request(body))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "7420949D383561875D216AD39C4DA487DE6FFB1B4DAD2CBF2CDFEDB5641A5A7B",
			"7420949d383561875d216ad39c4da487de6ffb1b4dad2cbf2cdfedb5641a5a7", "../../etc/passwd" })
	void refusesAnApolloHashThatIsNotSha256Hex(String hash) {
		Map<String, Object> body = Map.of("extensions",
				Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
		assertThatExceptionOfType(InvalidOperationIdException.class)
			.isThrownBy(() -> this.resolver.resolve(request(body)))
			.withMessageContaining("64 lowercase hex");
	}

	@Test
	void acceptsTheSameIdInTwoPlaces() {
		Map<String, Object> body = Map.of("documentId", SHA256, "extensions",
				Map.of("operationId", SHA256, "persistedQuery", Map.of("version", 1, "sha256Hash", SHA256)));
		OperationId id = this.resolver.resolve(request(body));
		assertThat(id).isNotNull();
		assertThat(id.value()).isEqualTo(SHA256);
	}

	@Test
	void refusesTwoDifferentTopLevelIdsNamingBothPlaces() {
		Map<String, Object> body = Map.of("documentId", "abc", "doc_id", "def");
		assertThatExceptionOfType(InvalidOperationIdException.class)
			.isThrownBy(() -> this.resolver.resolve(request(body)))
			.withMessageContaining("documentId")
			.withMessageContaining("doc_id");
	}

	@Test
	void refusesATopLevelIdAndADifferentPersistedQueryHashNamingBothPlaces() {
		Map<String, Object> body = Map.of("operationId", "abc", "extensions",
				Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", SHA256)));
		assertThatExceptionOfType(InvalidOperationIdException.class)
			.isThrownBy(() -> this.resolver.resolve(request(body)))
			.withMessageContaining("operationId")
			.withMessageContaining("extensions.persistedQuery.sha256Hash");
	}

	@Test
	void refusesPersistedQueryThatIsNotAnObject() {
		Map<String, Object> body = Map.of("query", "{ greeting }", "extensions", Map.of("persistedQuery", SHA256));
		assertThatExceptionOfType(InvalidOperationIdException.class)
			.isThrownBy(() -> this.resolver.resolve(request(body)))
			.withMessageContaining("extensions.persistedQuery");
	}

	@Test
	void refusesPersistedQueryVersion2() {
		Map<String, Object> body = Map.of("extensions",
				Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", SHA256)));
		assertThatExceptionOfType(InvalidOperationIdException.class)
			.isThrownBy(() -> this.resolver.resolve(request(body)))
			.withMessageContaining("version");
	}

	@Test
	void refusesPersistedQueryWithoutAVersion() {
		Map<String, Object> body = Map.of("extensions", Map.of("persistedQuery", Map.of("sha256Hash", SHA256)));
		assertThatExceptionOfType(InvalidOperationIdException.class)
			.isThrownBy(() -> this.resolver.resolve(request(body)))
			.withMessageContaining("version 1");
	}

	@Test
	void refusesPersistedQueryWithoutSha256Hash() {
		Map<String, Object> body = Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1)));
		assertThatExceptionOfType(InvalidOperationIdException.class)
			.isThrownBy(() -> this.resolver.resolve(request(body)))
			.withMessageContaining("sha256Hash");
	}

	@Test
	void refusesAnIdThatIsNotAString() {
		assertThatExceptionOfType(InvalidOperationIdException.class)
			.isThrownBy(() -> this.resolver.resolve(request(Map.of("id", 42))))
			.withMessageContaining("string");
	}

	@Test
	void refusesAnExtensionsOperationIdThatIsNotAString() {
		Map<String, Object> body = Map.of("extensions", Map.of("operationId", 42));
		assertThatExceptionOfType(InvalidOperationIdException.class)
			.isThrownBy(() -> this.resolver.resolve(request(body)));
	}

	@Test
	void refusesAnIdThatBreaksTheIdRule() {
		assertThatExceptionOfType(InvalidOperationIdException.class)
			.isThrownBy(() -> this.resolver.resolve(request(Map.of("documentId", "../secrets"))));
	}

	@Test
	void findsNoIdInARequestWithOnlyADocument() {
		assertThat(this.resolver.resolve(request(Map.of("query", "{ greeting }")))).isNull();
	}

	@Test
	void acceptsSha256PrefixedId() {
		OperationId id = this.resolver.resolve(request(Map.of("documentId", "sha256:" + SHA256)));
		assertThat(id).isNotNull();
		assertThat(id.value()).isEqualTo("sha256:" + SHA256);
		assertThat(id.key()).isEqualTo(SHA256);
	}

	@Test
	void acceptsOneDocumentNamedInBothItsPrefixedAndBareForms() {
		OperationId id = this.resolver.resolve(request(Map.of("documentId", "sha256:" + SHA256, "extensions",
				Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", SHA256)))));
		assertThat(id).isNotNull();
		assertThat(id.key()).isEqualTo(SHA256);
	}

	private static WebGraphQlRequest request(Map<String, Object> body) {
		Map<String, Object> normalized = new PersistedRequestBody(EnumSet.allOf(IdConvention.class)).normalize(body);
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null, Map.of(),
				normalized, "1", null);
	}

}
