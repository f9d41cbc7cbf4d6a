package dev.persistedops.sample;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;

import dev.persistedops.test.GraphQlTestClient;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What the acceptance tests share: a client for the sample app running on a random port,
 * and the ids of its exported operations.
 */
abstract class RunningSample {

	/** {@code GetBook}, named by the sha256 hex of its text. */
	static final String GET_BOOK = "6dcbaca2e920db6581889c0a4ae10378cde64b5b215940be0275d61637abf03e";

	/** {@code GetBook} in the {@code ios} namespace, named by the md5 hex of its text. */
	static final String GET_BOOK_IOS = "ios/1e65c8fccce3015c4c040e73159d2431";

	static final String LIST_BOOKS = "d793d3c304906d85689f104235cebcdfef56e11f250ea75362b2a9c16dbb7a98";

	static final String ADD_BOOK = "4c75a133aef8f0d2f802b2296673db32d4234b452aba90ad946a8e339128c553";

	static final String ON_BOOK_ADDED = "b28db0eb5382488893a0ae0ebdf2548600f28e0039b9721e3da2192d5bea27d1";

	@LocalServerPort
	int port;

	GraphQlTestClient graphQl;

	@BeforeEach
	void createClient() {
		this.graphQl = new GraphQlTestClient(this.port);
	}

	WebTestClient.ResponseSpec post(Object body, String... headerNamesAndValues) {
		return this.graphQl.post(body, headerNamesAndValues);
	}

	WebTestClient.ResponseSpec get(Map<String, String> parameters) {
		return this.graphQl.get(parameters);
	}

	/**
	 * GET the given path and query, already encoded.
	 */
	WebTestClient.ResponseSpec get(String pathAndQuery) {
		return this.graphQl.webTestClient()
			.get()
			.uri(URI.create("http://localhost:" + this.port + pathAndQuery))
			.accept(MediaType.APPLICATION_JSON)
			.exchange();
	}

	/**
	 * POST a JSON body to the given path.
	 */
	WebTestClient.ResponseSpec postTo(String path, Object body, String... headerNamesAndValues) {
		return this.graphQl.webTestClient()
			.post()
			.uri(URI.create("http://localhost:" + this.port + path))
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON)
			.headers((headers) -> {
				for (int i = 0; i < headerNamesAndValues.length; i += 2) {
					headers.add(headerNamesAndValues[i], headerNamesAndValues[i + 1]);
				}
			})
			.bodyValue(body)
			.exchange();
	}

	List<Map<String, Object>> subscribe(Map<String, Object> payload, int maxNext, Runnable trigger,
			String... headerNamesAndValues) {
		return this.graphQl.subscribe(payload, maxNext, trigger, headerNamesAndValues);
	}

	void addBookById(String title) {
		post(Map.of("id", ADD_BOOK, "variables", Map.of("title", title, "author", "Test"))).expectStatus().isOk();
	}

}
