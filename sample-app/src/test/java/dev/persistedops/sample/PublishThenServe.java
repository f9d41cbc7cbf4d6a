package dev.persistedops.sample;

import java.util.Map;
import java.util.function.Consumer;

import dev.persistedops.test.GraphQlTestClient;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's steps for a remote store, as a user runs them: publish with the store's
 * profile and the publish profile (twice, to show it is idempotent), then serve with the
 * store's profile the same operations as with files.
 */
final class PublishThenServe {

	private PublishThenServe() {
	}

	/**
	 * Publish the sample's documents twice, checking what each run reports.
	 */
	static void publishTwice(String storeProfile, CapturedOutput output, String... arguments) {
		new SpringApplicationBuilder(SampleApplication.class).profiles(storeProfile, "publish").run(arguments).close();
		assertThat(output).contains("Published 5 persisted documents: 5 created, 0 unchanged, 0 in conflict");
		new SpringApplicationBuilder(SampleApplication.class).profiles(storeProfile, "publish").run(arguments).close();
		assertThat(output).contains("Published 5 persisted documents: 0 created, 5 unchanged, 0 in conflict");
	}

	/**
	 * Serve with the store's profile, check the sample's operations answer, then run more
	 * requests.
	 */
	static void serve(String storeProfile, Consumer<GraphQlTestClient> moreRequests, String... arguments) {
		String[] withPort = new String[arguments.length + 1];
		withPort[0] = "--server.port=0";
		System.arraycopy(arguments, 0, withPort, 1, arguments.length);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.profiles(storeProfile)
			.run(withPort)) {
			GraphQlTestClient graphQl = new GraphQlTestClient(
					((WebServerApplicationContext) context).getWebServer().getPort());
			graphQl.post(Map.of("id", RunningSample.GET_BOOK, "variables", Map.of("id", "1")))
				.expectBody()
				.jsonPath("$.data.book.title")
				.isEqualTo("The Left Hand of Darkness");
			graphQl.post(Map.of("operationId", RunningSample.GET_BOOK_IOS, "variables", Map.of("id", "3")))
				.expectBody()
				.jsonPath("$.data.book.title")
				.isEqualTo("Kindred");
			graphQl.get(Map.of("documentId", "sha256:" + RunningSample.LIST_BOOKS, "variables", "{\"first\":2}"))
				.expectBody()
				.jsonPath("$.data.books.length()")
				.isEqualTo(2);
			moreRequests.accept(graphQl);
		}
	}

}
