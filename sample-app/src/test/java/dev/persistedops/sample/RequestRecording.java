package dev.persistedops.sample;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import reactor.core.publisher.Mono;

import dev.persistedops.web.PersistedRequestBody;
import dev.persistedops.web.TransportAttributes;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Records, from the server side, what each GraphQL request carried, so a test can prove
 * what a real client sent: an interceptor ahead of the starter's notes the operation
 * name, the HTTP method, and whether the request carried an Apollo hash, the text, or
 * both.
 */
@TestConfiguration(proxyBeanMethods = false)
class RequestRecording {

	@Bean
	Requests recordedRequests() {
		return new Requests();
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebGraphQlInterceptor recordingInterceptor(Requests requests) {
		return (request, chain) -> {
			String method = request.getAttributes().containsKey(TransportAttributes.GET) ? "GET" : "POST";
			boolean hash = request.getExtensions().get("persistedQuery") instanceof Map<?, ?>;
			boolean text = !PersistedRequestBody.isPlaceholder(request.getDocument());
			requests.lines
				.add(request.getOperationName() + " " + method + " " + (hash ? (text ? "hash+text" : "hash") : "text"));
			return Mono.defer(() -> chain.next(request));
		};
	}

	/**
	 * The requests received, one line each.
	 */
	static class Requests {

		private final List<String> lines = new CopyOnWriteArrayList<>();

		/**
		 * Return what each request for the given operation carried, in order.
		 */
		List<String> of(String operationName) {
			return this.lines.stream()
				.filter((line) -> line.startsWith(operationName + " "))
				.map((line) -> line.substring(operationName.length() + 1))
				.toList();
		}

	}

}
