package dev.persistedops.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.persistedops.test.NodeScript;
import dev.persistedops.web.PersistedRequestBody;
import dev.persistedops.web.TransportAttributes;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Apollo Client 4 with its persisted query link ({@code e2e/apollo}) against the
 * running sample app. What the client sent is proved from the server side: a recording
 * interceptor ahead of the starter's notes each request's method, hash and whether it carried
 * the text.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class ApolloClientTests {

	@LocalServerPort
	int port;

	@Autowired
	RequestRecorder recorder;

	@Test
	void automaticPersistedQueriesWithTheRealApolloClient() {
		NodeScript.Result result = NodeScript.run("apollo/persisted-queries.mjs",
				"http://localhost:" + this.port + "/graphql");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).doesNotContain("\"ok\":false");

		// The first query misses, is sent again with its text, and then goes by hash alone.
		assertThat(requestsFor("ApolloBook")).containsExactly("POST hash", "POST hash+text", "POST hash");
		// The same with useGETForHashedQueries: the hash alone goes by GET, the text by POST.
		assertThat(requestsFor("ApolloBooksBy")).containsExactly("GET hash", "POST hash+text", "GET hash");
		// A mutation goes by POST even with useGETForHashedQueries.
		assertThat(requestsFor("ApolloAddBook")).containsExactly("POST hash", "POST hash+text");
	}

	private List<String> requestsFor(String operationName) {
		return this.recorder.requests.stream()
			.filter((line) -> line.startsWith(operationName + " "))
			.map((line) -> line.substring(operationName.length() + 1))
			.toList();
	}

	/**
	 * The requests the server received, one line each: operation name, method, what it carried.
	 */
	static class RequestRecorder {

		final List<String> requests = new CopyOnWriteArrayList<>();

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Recording {

		@Bean
		RequestRecorder requestRecorder() {
			return new RequestRecorder();
		}

		@Bean
		@Order(Ordered.HIGHEST_PRECEDENCE)
		WebGraphQlInterceptor recordingInterceptor(RequestRecorder recorder) {
			return (request, chain) -> {
				String method = request.getAttributes().containsKey(TransportAttributes.GET) ? "GET" : "POST";
				boolean hash = request.getExtensions().get("persistedQuery") instanceof Map<?, ?>;
				boolean text = !PersistedRequestBody.isPlaceholder(request.getDocument());
				recorder.requests.add(request.getOperationName() + " " + method + " "
						+ (hash ? (text ? "hash+text" : "hash") : "text"));
				return Mono.defer(() -> chain.next(request));
			};
		}

	}

}
