package dev.persistedops.integration;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.persistedops.test.AzuriteTestServer;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FrozenStoreWritesIntegrationTests} against a real Azurite, each test with a
 * container of its own.
 */
@ExtendWith(OutputCaptureExtension.class)
class AzureFrozenStoreWritesIntegrationTests extends FrozenStoreWritesIntegrationTests {

	private static final AzuriteTestServer azurite = AzuriteTestServer.launch();

	private final String container = "c" + UUID.randomUUID().toString().replace("-", "");

	@AfterAll
	static void stopAzurite() {
		azurite.close();
	}

	@Override
	List<String> storeProperties() {
		return List.of("persisted-ops.store.type=azure-blob",
				"persisted-ops.store.azure-blob.connection-string=" + azurite.connectionString(),
				"persisted-ops.store.azure-blob.container=" + this.container,
				"persisted-ops.store.azure-blob.create-container=true");
	}

	@Override
	void freeze() {
		azurite.freeze();
	}

	@Override
	void thaw() {
		azurite.thaw();
	}

	@Test
	void uploadsLogNoWarningAboutTheContentLengthHeader(CapturedOutput output) {
		start().webTestClient()
			.post()
			.uri("/persisted-operations/relay")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Persist-Token", "build-token")
			.bodyValue(PublishingEndpointsIntegrationTests.text("query Uploaded { greeting }"))
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(output).doesNotContainIgnoringCase("restricted").doesNotContain(" WARN ");
	}

}
