package dev.persistedops.client;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GetRequests} and {@link QueryDetector}.
 */
class GetRequestsTests {

	@Test
	void stringsGoAsTheyAreAndObjectsAsJson() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("documentId", "sha256:ab");
		body.put("variables", Map.of("title", "C++ & more"));
		assertThat(GetRequests.queryString(body))
			.isEqualTo("documentId=sha256%3Aab&variables=%7B%22title%22%3A%22C%2B%2B+%26+more%22%7D");
	}

	@Test
	void queryIsAppendedToAnyTheUrlHas() {
		assertThat(GetRequests.withQuery(URI.create("http://localhost/graphql"), "a=1"))
			.hasToString("http://localhost/graphql?a=1");
		assertThat(GetRequests.withQuery(URI.create("http://localhost/graphql?tenant=x#top"), "a=1"))
			.hasToString("http://localhost/graphql?tenant=x&a=1");
	}

	@Test
	void onlyAQueryCountsAsAQuery() {
		QueryDetector detector = new QueryDetector();
		assertThat(detector.isQuery("{ books { title } }", null)).isTrue();
		assertThat(detector.isQuery("mutation M { addBook(title: \"t\", author: \"a\") { id } }", null)).isFalse();
		assertThat(detector.isQuery("subscription S { bookAdded { id } }", null)).isFalse();
		String both = "query Q { books { title } } mutation M { addBook(title: \"t\", author: \"a\") { id } }";
		assertThat(detector.isQuery(both, "Q")).isTrue();
		assertThat(detector.isQuery(both, "M")).isFalse();
		assertThat(detector.isQuery(both, null)).isFalse();
		assertThat(detector.isQuery("{ books {", null)).isFalse();
	}

}
