package dev.persistedops.integration;

import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.persistedops.test.GraphQlTestClient;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cache headers of responses to persisted GET requests, with
 * {@code persisted-ops.http.cache.cache-control=public, max-age=60} and
 * {@code vary=Accept-Language}. Each subclass runs them on one web stack.
 */
abstract class PersistedGetCachingIntegrationTests {

	private static final String GREETING_GET = "/graphql?id=" + Documents.GREETING_ID
			+ "&variables=%7B%22name%22%3A%22Cache%22%7D";

	@LocalServerPort
	int port;

	WebTestClient client;

	@BeforeEach
	void createClient() {
		this.client = new GraphQlTestClient(this.port).webTestClient();
	}

	private EntityExchangeResult<byte[]> get(String uri, String... headerNamesAndValues) {
		return this.client.get()
			.uri(URI.create("http://localhost:" + this.port + uri))
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> {
				for (int i = 0; i < headerNamesAndValues.length; i += 2) {
					headers.add(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
				}
			})
			.exchange()
			.expectBody()
			.returnResult();
	}

	@Test
	void successfulPersistedGetIsCacheable() {
		EntityExchangeResult<byte[]> result = get(GREETING_GET);
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		HttpHeaders headers = result.getResponseHeaders();
		assertThat(headers.getCacheControl()).isEqualTo("public, max-age=60");
		assertThat(headers.getETag()).matches("W/\"[0-9a-f]{32}\"");
		assertThat(headers.getVary()).containsExactly("Accept", "Accept-Language");
		assertThat(new String(result.getResponseBody())).contains("Hello, Cache!");
	}

	@Test
	void sameResponseHasTheSameETagAndAnotherResponseAnother() {
		String first = get(GREETING_GET).getResponseHeaders().getETag();
		assertThat(get(GREETING_GET).getResponseHeaders().getETag()).isEqualTo(first);
		assertThat(get("/graphql?id=" + Documents.GREETING_ID).getResponseHeaders().getETag()).isNotEqualTo(first);
	}

	@Test
	void ifNoneMatchWithTheETagIs304WithoutBody() {
		String etag = get(GREETING_GET).getResponseHeaders().getETag();
		for (String ifNoneMatch : new String[] { etag, etag.substring(2), "\"other\", " + etag, "*" }) {
			EntityExchangeResult<byte[]> result = get(GREETING_GET, HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
			assertThat(result.getStatus()).as(ifNoneMatch).isEqualTo(HttpStatus.NOT_MODIFIED);
			assertThat(result.getResponseBody()).isNullOrEmpty();
			assertThat(result.getResponseHeaders().getETag()).isEqualTo(etag);
			assertThat(result.getResponseHeaders().getCacheControl()).isEqualTo("public, max-age=60");
			assertThat(result.getResponseHeaders().getVary()).containsExactly("Accept", "Accept-Language");
		}
	}

	@Test
	void ifNoneMatchWithAnotherETagGetsTheResponse() {
		EntityExchangeResult<byte[]> result = get(GREETING_GET, HttpHeaders.IF_NONE_MATCH, "W/\"0123\"");
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(new String(result.getResponseBody())).contains("Hello, Cache!");
	}

	@Test
	void responseWithErrorsIsNotCacheable() {
		EntityExchangeResult<byte[]> result = get("/graphql?id=" + Documents.INVALID_ID);
		assertThat(new String(result.getResponseBody())).contains("ValidationError");
		assertNotCacheable(result);
	}

	@Test
	void missIsNotCacheable() {
		EntityExchangeResult<byte[]> result = get("/graphql?id=0123456789abcdef0123456789abcdef");
		assertThat(new String(result.getResponseBody())).contains("PERSISTED_QUERY_NOT_FOUND");
		assertNotCacheable(result);
	}

	@Test
	void responsesToRequestsWithCredentialsAreNotCacheable() {
		assertNotCacheable(get(GREETING_GET, HttpHeaders.AUTHORIZATION, "Bearer secret"));
		assertNotCacheable(get(GREETING_GET, HttpHeaders.COOKIE, "session=secret"));
	}

	@Test
	void ifNoneMatchOnAResponseThatIsNotCacheableGetsTheResponse() {
		EntityExchangeResult<byte[]> result = get(GREETING_GET, HttpHeaders.IF_NONE_MATCH, "*",
				HttpHeaders.AUTHORIZATION, "Bearer secret");
		assertThat(result.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(new String(result.getResponseBody())).contains("Hello, Cache!");
	}

	@Test
	void postResponsesGetNoCacheHeaders() {
		EntityExchangeResult<byte[]> result = this.client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("id", Documents.GREETING_ID))
			.exchange()
			.expectBody()
			.returnResult();
		assertThat(result.getResponseHeaders().getCacheControl()).isNull();
		assertThat(result.getResponseHeaders().getETag()).isNull();
	}

	private static void assertNotCacheable(EntityExchangeResult<byte[]> result) {
		assertThat(result.getResponseHeaders().getCacheControl()).isEqualTo("private, no-cache, must-revalidate");
		assertThat(result.getResponseHeaders().getETag()).isNull();
	}

}
