package dev.persistedops.web.servlet;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.web.GetRequestParameters;
import dev.persistedops.web.GraphQlRequestReader;
import dev.persistedops.web.IdConvention;
import dev.persistedops.web.PersistedRequestBody;
import dev.persistedops.web.RequestLimits;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.ServerRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link WebMvcGraphQlRequests}.
 */
class WebMvcGraphQlRequestsTests {

	private final WebMvcGraphQlRequests requests = new WebMvcGraphQlRequests(new GraphQlRequestReader(
			new PersistedRequestBody(EnumSet.allOf(IdConvention.class)), new GetRequestParameters(JsonMapper.shared()),
			new RequestLimits(1024, 64, 4, JsonMapper.shared()), JsonMapper.shared()));

	@Test
	void eachRequestHasTheUriItWasSentTo() {
		assertThat(uriOf(post("example.com", 8080, "/graphql")))
			.isEqualTo(URI.create("http://example.com:8080/graphql"));
		assertThat(uriOf(post("example.com", 8080, "/graphql")))
			.isEqualTo(URI.create("http://example.com:8080/graphql"));
		assertThat(uriOf(post("other.example", 8080, "/graphql")))
			.isEqualTo(URI.create("http://other.example:8080/graphql"));
		assertThat(uriOf(post("other.example", 9090, "/graphql")))
			.isEqualTo(URI.create("http://other.example:9090/graphql"));
		assertThat(uriOf(post("example.com", 8080, "/graphql")))
			.isEqualTo(URI.create("http://example.com:8080/graphql"));
	}

	@Test
	void aQueryStringIsPartOfTheUri() {
		MockHttpServletRequest request = post("example.com", 80, "/graphql");
		assertThat(uriOf(request)).isEqualTo(URI.create("http://example.com/graphql"));
		request = post("example.com", 80, "/graphql");
		request.setQueryString("tenant=a");
		assertThat(uriOf(request)).isEqualTo(URI.create("http://example.com/graphql?tenant=a"));
		request = post("example.com", 80, "/graphql");
		request.setQueryString("tenant=b");
		assertThat(uriOf(request)).isEqualTo(URI.create("http://example.com/graphql?tenant=b"));
	}

	private URI uriOf(MockHttpServletRequest servletRequest) {
		ServerRequest request = ServerRequest.create(servletRequest, List.of());
		WebGraphQlRequest graphQlRequest = this.requests.fromBody(request);
		return graphQlRequest.getUri().toUri();
	}

	private static MockHttpServletRequest post(String host, int port, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setServerName(host);
		request.setServerPort(port);
		request.setContentType(MediaType.APPLICATION_JSON_VALUE);
		request.setContent("{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.UTF_8));
		return request;
	}

}
