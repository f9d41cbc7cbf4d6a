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
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebSocketGraphQlRequest;

/**
 * Records, from the server side, what each GraphQL request carried, so a test can prove
 * what a real client sent: an interceptor ahead of the starter's notes the operation
 * name, the HTTP method, and whether the request carried an Apollo hash, the text, or
 * both; and, for every request, the id it carried in whichever convention.
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
			requests.received.add(((request instanceof WebSocketGraphQlRequest) ? "WS" : method) + " "
					+ carried(request, hash, text));
			return Mono.defer(() -> chain.next(request));
		};
	}

	// The id as the starter's HTTP and WebSocket edges pass it on (top-level ids), or
	// Apollo's hash.
	private static String carried(WebGraphQlRequest request, boolean hash, boolean text) {
		String id = null;
		if (request.getExtensions().get(PersistedRequestBody.ID_CARRIER) instanceof Map<?, ?> ids && !ids.isEmpty()) {
			Map.Entry<?, ?> first = ids.entrySet().iterator().next();
			id = first.getKey() + "=" + first.getValue();
		}
		else if (hash && request.getExtensions().get("persistedQuery") instanceof Map<?, ?> persistedQuery) {
			id = "persistedQuery=" + persistedQuery.get("sha256Hash");
		}
		return (id == null) ? "text" : (text ? id + " +text" : id);
	}

	/**
	 * The requests received, one line each.
	 */
	static class Requests {

		private final List<String> lines = new CopyOnWriteArrayList<>();

		private final List<String> received = new CopyOnWriteArrayList<>();

		/**
		 * Return what each request for the given operation carried, in order.
		 */
		List<String> of(String operationName) {
			return this.lines.stream()
				.filter((line) -> line.startsWith(operationName + " "))
				.map((line) -> line.substring(operationName.length() + 1))
				.toList();
		}

		/**
		 * Return every request received, in order, whatever its operation name: the
		 * transport ({@code POST}, {@code GET} or {@code WS}) and what it carried, the id
		 * as {@code member=value} (with {@code +text} if the text came too) or
		 * {@code text}.
		 */
		List<String> received() {
			return List.copyOf(this.received);
		}

		/**
		 * Forget what was received so far.
		 */
		void clear() {
			this.lines.clear();
			this.received.clear();
		}

	}

}
