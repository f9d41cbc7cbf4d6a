package dev.persistedops.sample;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.persistedops.test.AzuriteTestServer;
import dev.persistedops.test.GraphQlTestClient;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Azure Blob steps against a real Azurite: publish with the publish profile, then
 * serve with the azure profile the same operations as with files.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationAzureProfileTests {

	private static AzuriteTestServer azurite;

	@BeforeAll
	static void startAzurite() {
		azurite = AzuriteTestServer.launch();
	}

	@AfterAll
	static void stopAzurite() {
		azurite.close();
	}

	@Test
	void publishedOperationsAreServedFromBlobStorage(CapturedOutput output) {
		String connection = "--AZURE_STORAGE_CONNECTION_STRING=" + azurite.connectionString();
		new SpringApplicationBuilder(SampleApplication.class).profiles("azure", "publish").run(connection).close();
		assertThat(output).contains("Published 5 persisted documents: 5 created, 0 unchanged, 0 in conflict");
		new SpringApplicationBuilder(SampleApplication.class).profiles("azure", "publish").run(connection).close();
		assertThat(output).contains("Published 5 persisted documents: 0 created, 5 unchanged, 0 in conflict");

		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.profiles("azure")
			.run("--server.port=0", connection)) {
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
			azurite.resetRequests();
			graphQl.post(Map.of("id", RunningSample.GET_BOOK, "variables", Map.of("id", "2")))
				.expectBody()
				.jsonPath("$.data.book.title")
				.isEqualTo("The Dispossessed");
			assertThat(azurite.requests("GET", "/persisted-operations/operations/" + RunningSample.GET_BOOK)).isZero();
		}
	}

}
