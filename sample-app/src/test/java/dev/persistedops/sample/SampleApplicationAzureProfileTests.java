package dev.persistedops.sample;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.persistedops.test.AzuriteTestServer;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Azure Blob steps against a real Azurite: publish with the publish profile,
 * then serve with the azure profile the same operations as with files.
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
		PublishThenServe.publishTwice("azure", output, connection);
		PublishThenServe.serve("azure", (graphQl) -> {
			// The documents are cached locally now: another lookup does not reach
			// Blob Storage.
			azurite.resetRequests();
			graphQl.post(Map.of("id", RunningSample.GET_BOOK, "variables", Map.of("id", "2")))
				.expectBody()
				.jsonPath("$.data.book.title")
				.isEqualTo("The Dispossessed");
			assertThat(azurite.requests("GET", "/persisted-operations/operations/" + RunningSample.GET_BOOK)).isZero();
		}, connection);
	}

}
