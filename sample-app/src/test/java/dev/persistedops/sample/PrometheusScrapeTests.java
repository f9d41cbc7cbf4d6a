package dev.persistedops.sample;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app in the prod profile, scraped as Prometheus scrapes it: one persisted
 * request, one refused document, one unknown id, then {@code /actuator/prometheus} read
 * over HTTP in Prometheus' text format.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "sample.test=prometheus-scrape")
@ActiveProfiles("prod")
class PrometheusScrapeTests extends RunningSample {

	private static final String CLIENT = "scrape-test";

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)} (\\S+)$");

	@Test
	void eachOutcomeIsCountedWithItsTransportAndGraphQlRequestsSayWhetherTheyWerePersisted() {
		post(Map.of("id", GET_BOOK, "variables", Map.of("id", "1")), "apollographql-client-name", CLIENT).expectBody()
			.jsonPath("$.data.book.title")
			.isEqualTo("The Left Hand of Darkness");
		post(Map.of("query", "{ books { title } }"), "apollographql-client-name", CLIENT).expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_ONLY");
		this.graphQl.webTestClient()
			.get()
			.uri("/graphql?id=ffffffffffffffffffffffffffffffff")
			.header("apollographql-client-name", CLIENT)
			.exchange()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");

		String scrape = this.graphQl.webTestClient()
			.get()
			.uri("/actuator/prometheus")
			.accept(org.springframework.http.MediaType.TEXT_PLAIN)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith("text/plain")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		List<Sample> decisions = samples(scrape, "persisted_operations_total").stream()
			.filter((sample) -> CLIENT.equals(sample.labels().get("client")))
			.toList();
		assertThat(decisions).containsExactlyInAnyOrder(
				new Sample("persisted_operations_total",
						Map.of("outcome", "persisted", "transport", "http", "client", CLIENT), 1.0),
				new Sample("persisted_operations_total",
						Map.of("outcome", "refused", "transport", "http", "client", CLIENT), 1.0),
				new Sample("persisted_operations_total",
						Map.of("outcome", "not_found", "transport", "get", "client", CLIENT), 1.0));
		assertThat(samples(scrape, "graphql_request_seconds_count")).anySatisfy((sample) -> {
			assertThat(sample.labels()).containsEntry("graphql_persisted", "true")
				.containsEntry("graphql_operation_type", "query")
				.containsEntry("graphql_outcome", "SUCCESS");
			assertThat(sample.value()).isGreaterThanOrEqualTo(1.0);
		})
			.allSatisfy((sample) -> assertThat(sample.labels()).containsKey("graphql_persisted")
				.doesNotContainKey("graphql_persisted_id"));
		// Every exported operation has a series of runs, at zero until it runs.
		assertThat(samples(scrape, "persisted_operations_runs_total"))
			.extracting((sample) -> sample.labels().get("operation"))
			.containsExactlyInAnyOrder(ADD_BOOK, ON_BOOK_ADDED, GET_BOOK, LIST_BOOKS, GET_BOOK_IOS);
		assertThat(samples(scrape, "persisted_operations_runs_total"))
			.filteredOn((sample) -> sample.labels().get("operation").equals(GET_BOOK))
			.singleElement()
			.satisfies((sample) -> assertThat(sample.value()).isGreaterThanOrEqualTo(1.0));
		assertThat(samples(scrape, "persisted_operations_runs_total"))
			.filteredOn((sample) -> sample.labels().get("operation").equals(ADD_BOOK))
			.singleElement()
			.satisfies((sample) -> assertThat(sample.value()).isZero());
		assertThat(samples(scrape, "cache_gets_total"))
			.anySatisfy((sample) -> assertThat(sample.labels()).containsEntry("cache", "persisted-parsed-documents"));
	}

	/**
	 * Return the samples of the given metric in Prometheus' text format.
	 */
	static List<Sample> samples(String scrape, String metric) {
		return scrape.lines()
			.map(SAMPLE::matcher)
			.filter(Matcher::matches)
			.filter((line) -> line.group(1).equals(metric))
			.map((line) -> new Sample(line.group(1), labels(line.group(2)), Double.parseDouble(line.group(3))))
			.toList();
	}

	private static Map<String, String> labels(String labels) {
		Map<String, String> parsed = new java.util.LinkedHashMap<>();
		Matcher label = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(labels);
		while (label.find()) {
			parsed.put(label.group(1), label.group(2));
		}
		return parsed;
	}

	record Sample(String name, Map<String, String> labels, double value) {

	}

}
