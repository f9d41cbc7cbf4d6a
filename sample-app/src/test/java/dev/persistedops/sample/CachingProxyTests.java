package dev.persistedops.sample;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.persistedops.test.NginxTestServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app in its prod profile behind a real caching proxy (nginx), as a CDN would
 * sit in front of it: persisted GETs are served from the cache, revalidated with the
 * app's ETag, keyed by their variables; errors are not kept; a mutation over GET only
 * ever gets the app's 405. What reached the app is recorded by the app itself, what the
 * proxy did by its access log. The max-age is shortened so that an entry goes stale
 * within the test.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "persisted-ops.http.cache.cache-control=public, max-age=3")
@ActiveProfiles("prod")
@Import(CachingProxyTests.AppRequests.class)
class CachingProxyTests extends RunningSample {

	private static NginxTestServer nginx;

	private final HttpClient http = HttpClient.newHttpClient();

	@Autowired
	AppRequests appRequests;

	@BeforeEach
	void startProxy() {
		if (nginx == null) {
			nginx = NginxTestServer.proxyTo(this.port);
		}
	}

	@AfterAll
	static void stopProxy() {
		if (nginx != null) {
			nginx.close();
			nginx = null;
		}
	}

	@Test
	void secondIdenticalPersistedGetIsServedFromTheProxy() {
		String query = query(GET_BOOK, "{\"id\":\"1\"}");
		HttpResponse<String> first = viaProxy(query);
		HttpResponse<String> second = viaProxy(query);
		assertThat(first.statusCode()).isEqualTo(200);
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("public, max-age=3");
		assertThat(first.headers().firstValue("X-Cache-Status")).hasValue("MISS");
		assertThat(second.headers().firstValue("X-Cache-Status")).hasValue("HIT");
		assertThat(second.body()).isEqualTo(first.body()).contains("The Left Hand of Darkness");
		assertThat(this.appRequests.count(query)).isOne();
	}

	@Test
	void getWithAnotherVariableMisses() {
		String two = query(GET_BOOK, "{\"id\":\"2\"}");
		String three = query(GET_BOOK, "{\"id\":\"3\"}");
		viaProxy(two);
		HttpResponse<String> other = viaProxy(three);
		assertThat(other.headers().firstValue("X-Cache-Status")).hasValue("MISS");
		assertThat(other.body()).contains("Kindred");
		assertThat(this.appRequests.count(two)).isOne();
		assertThat(this.appRequests.count(three)).isOne();
	}

	@Test
	void conditionalGetIsAnswered304AndAStaleEntryIsRevalidatedByTheApp() throws InterruptedException {
		String query = query(LIST_BOOKS, "{\"first\":1}");
		HttpResponse<String> first = viaProxy(query);
		String etag = first.headers().firstValue("ETag").orElseThrow();
		HttpResponse<String> conditional = viaProxy(query, "If-None-Match", etag);
		assertThat(conditional.statusCode()).isEqualTo(304);
		assertThat(conditional.body()).isEmpty();
		assertThat(this.appRequests.count(query)).isOne();
		// Once stale, the proxy asks the app with If-None-Match, and the app answers 304.
		Thread.sleep(4_000);
		HttpResponse<String> revalidated = viaProxy(query);
		assertThat(revalidated.statusCode()).isEqualTo(200);
		assertThat(revalidated.body()).isEqualTo(first.body());
		assertThat(revalidated.headers().firstValue("X-Cache-Status")).hasValue("REVALIDATED");
		assertThat(nginx.accessLog(query, 3)).containsExactly("200 200 MISS", "304 - HIT", "200 304 REVALIDATED");
	}

	@Test
	void errorResponseIsNotCached() {
		String query = query("00000000000000000000000000000000", "{}");
		HttpResponse<String> first = viaProxy(query);
		HttpResponse<String> second = viaProxy(query);
		assertThat(first.body()).contains("PERSISTED_QUERY_NOT_FOUND");
		assertThat(first.headers().firstValue("Cache-Control")).hasValue("private, no-cache, must-revalidate");
		assertThat(second.headers().firstValue("X-Cache-Status")).hasValue("MISS");
		assertThat(this.appRequests.count(query)).isEqualTo(2);
	}

	@Test
	void mutationOverGetOnlyEverGetsTheAppsRefusal() {
		String query = query(ADD_BOOK, "{\"title\":\"By GET\",\"author\":\"Crawler\"}");
		assertThat(viaProxy(query).statusCode()).isEqualTo(405);
		assertThat(viaProxy(query).statusCode()).isEqualTo(405);
		assertThat(nginx.accessLog(query, 2)).containsExactly("405 405 MISS", "405 405 MISS");
		post(Map.of("id", LIST_BOOKS, "variables", Map.of("author", "Crawler"))).expectBody()
			.jsonPath("$.data.books.length()")
			.isEqualTo(0);
	}

	private static String query(String id, String variables) {
		return "/graphql?id=" + id + "&variables=" + URLEncoder.encode(variables, StandardCharsets.UTF_8);
	}

	private HttpResponse<String> viaProxy(String pathAndQuery, String... headerNamesAndValues) {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + nginx.port() + pathAndQuery))
			.header("Accept", "application/json");
		for (int i = 0; i < headerNamesAndValues.length; i += 2) {
			request.header(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
		}
		try {
			return this.http.send(request.GET().build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Records the URI of every GraphQL request that reaches the app.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class AppRequests {

		private final List<String> uris = new CopyOnWriteArrayList<>();

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		WebGraphQlInterceptor appRequestsInterceptor() {
			return (request, chain) -> {
				URI uri = request.getUri().toUri();
				this.uris.add(uri.getRawPath() + "?" + uri.getRawQuery());
				return Mono.defer(() -> chain.next(request));
			};
		}

		long count(String pathAndQuery) {
			return this.uris.stream().filter(pathAndQuery::equals).count();
		}

	}

}
