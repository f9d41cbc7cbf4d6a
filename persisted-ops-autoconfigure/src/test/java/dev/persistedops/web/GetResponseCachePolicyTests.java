package dev.persistedops.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GetResponseCachePolicy}.
 */
class GetResponseCachePolicyTests {

	private final GetResponseCachePolicy policy = new GetResponseCachePolicy("public, max-age=300",
			List.of("Accept-Language", "accept"), false, JsonMapper.shared());

	@Test
	void successGetsCacheControlETagAndVary() {
		WebGraphQlResponse response = data("Hello");
		assertThat(this.policy.applyTo(request(), response)).isFalse();
		HttpHeaders headers = response.getResponseHeaders();
		assertThat(headers.getCacheControl()).isEqualTo("public, max-age=300");
		assertThat(headers.getETag()).matches("W/\"[0-9a-f]{32}\"");
		assertThat(headers.getVary()).containsExactly("Accept", "Accept-Language");
	}

	@Test
	void eTagFollowsTheContent() {
		assertThat(etagOf(data("Hello"))).isEqualTo(etagOf(data("Hello"))).isNotEqualTo(etagOf(data("Bye")));
	}

	@Test
	void ifNoneMatchNamingTheTagIsNotModified() {
		String etag = etagOf(data("Hello"));
		assertThat(this.policy.applyTo(request(HttpHeaders.IF_NONE_MATCH, etag), data("Hello"))).isTrue();
		assertThat(this.policy.applyTo(request(HttpHeaders.IF_NONE_MATCH, etag.substring(2)), data("Hello"))).isTrue();
		assertThat(this.policy.applyTo(request(HttpHeaders.IF_NONE_MATCH, "\"a\", " + etag), data("Hello"))).isTrue();
		assertThat(this.policy.applyTo(request(HttpHeaders.IF_NONE_MATCH, "*"), data("Hello"))).isTrue();
		assertThat(this.policy.applyTo(request(HttpHeaders.IF_NONE_MATCH, etag), data("Bye"))).isFalse();
		assertThat(this.policy.applyTo(request(HttpHeaders.IF_NONE_MATCH, "\"broken"), data("Hello"))).isFalse();
	}

	@Test
	void responseWithErrorsIsNotCacheable() {
		ExecutionResult result = ExecutionResult.newExecutionResult()
			.data(Map.of("greeting", "Hello"))
			.addError(GraphqlErrorBuilder.newError().message("partial").build())
			.build();
		assertNotCacheable(request(), response(result));
	}

	@Test
	void responseWithoutDataIsNotCacheable() {
		assertNotCacheable(request(), response(ExecutionResult.newExecutionResult().data(null).build()));
	}

	@Test
	void responseToARequestWithCredentialsIsNotCacheable() {
		assertNotCacheable(request(HttpHeaders.AUTHORIZATION, "Bearer x"), data("Hello"));
		assertNotCacheable(request(HttpHeaders.COOKIE, "session=x"), data("Hello"));
	}

	@Test
	void responseToARequestWithCredentialsIsCacheableWhenAllowed() {
		GetResponseCachePolicy policy = new GetResponseCachePolicy("private, max-age=60", List.of("Authorization"),
				true, JsonMapper.shared());
		WebGraphQlResponse response = data("Hello");
		policy.applyTo(request(HttpHeaders.AUTHORIZATION, "Bearer x"), response);
		assertThat(response.getResponseHeaders().getCacheControl()).isEqualTo("private, max-age=60");
		assertThat(response.getResponseHeaders().getVary()).containsExactly("Accept", "Authorization");
	}

	@Test
	void withoutConfiguredCacheControlNoneIsAddedButTheETagIs() {
		GetResponseCachePolicy policy = new GetResponseCachePolicy(null, List.of(), false, JsonMapper.shared());
		WebGraphQlResponse response = data("Hello");
		policy.applyTo(request(), response);
		assertThat(response.getResponseHeaders().getCacheControl()).isNull();
		assertThat(response.getResponseHeaders().getETag()).isNotNull();
		assertThat(response.getResponseHeaders().getVary()).containsExactly("Accept");
	}

	@Test
	void cacheControlSetByAnInterceptorIsKept() {
		WebGraphQlResponse response = data("Hello");
		response.getResponseHeaders().setCacheControl("no-store");
		this.policy.applyTo(request(), response);
		assertThat(response.getResponseHeaders().getCacheControl()).isEqualTo("no-store");
	}

	private void assertNotCacheable(WebGraphQlRequest request, WebGraphQlResponse response) {
		assertThat(this.policy.applyTo(request, response)).isFalse();
		assertThat(response.getResponseHeaders().getCacheControl()).isEqualTo("private, no-cache, must-revalidate");
		assertThat(response.getResponseHeaders().getETag()).isNull();
		assertThat(response.getResponseHeaders().getVary()).containsExactly("Accept", "Accept-Language");
	}

	private String etagOf(WebGraphQlResponse response) {
		this.policy.applyTo(request(), response);
		return response.getResponseHeaders().getETag();
	}

	private static WebGraphQlRequest request(String... headerNamesAndValues) {
		HttpHeaders headers = new HttpHeaders();
		for (int i = 0; i < headerNamesAndValues.length; i += 2) {
			headers.add(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
		}
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), headers, null, null, Map.of(),
				Map.of("query", "{ greeting }"), "1", Locale.ENGLISH);
	}

	private static WebGraphQlResponse data(String greeting) {
		return response(ExecutionResult.newExecutionResult().data(Map.of("greeting", greeting)).build());
	}

	private static WebGraphQlResponse response(ExecutionResult result) {
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request().toExecutionInput(), result));
	}

}
