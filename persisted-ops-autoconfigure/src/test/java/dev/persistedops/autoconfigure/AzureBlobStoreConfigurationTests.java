package dev.persistedops.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobServiceAsyncClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.persistedops.document.OperationId;
import dev.persistedops.publish.DocumentPublishingRunner;
import dev.persistedops.store.CachingOperationDocumentStore;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.azure.MissingBlobContainerException;
import dev.persistedops.test.AzuriteTestServer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the Azure Blob store type of
 * {@link PersistedOperationsStoreAutoConfiguration}, against a real Azurite.
 */
class AzureBlobStoreConfigurationTests {

	private static AzuriteTestServer azurite;

	private static BlobServiceAsyncClient service;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class,
				PersistedOperationsStoreAutoConfiguration.class, PersistedOperationsAutoConfiguration.class,
				PersistedOperationsPublishingAutoConfiguration.class))
		.withPropertyValues("persisted-ops.store.type=azure-blob");

	@BeforeAll
	static void startAzurite() {
		azurite = AzuriteTestServer.launch();
		service = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
			.httpClient(new JdkHttpClientBuilder().build())
			.buildAsyncClient();
		service.getBlobContainerAsyncClient("existing").createIfNotExists().block();
	}

	@AfterAll
	static void stopAzurite() {
		azurite.close();
	}

	private static String connectionString() {
		return "persisted-ops.store.azure-blob.connection-string=" + azurite.connectionString();
	}

	@Test
	void connectionStringAndExistingContainerDefineACachedAzureStore() {
		this.contextRunner.withPropertyValues(connectionString(), "persisted-ops.store.azure-blob.container=existing")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(OperationDocumentStore.class)
				.isInstanceOf(CachingOperationDocumentStore.class));
	}

	@Test
	void missingContainerFailsStartupNamingTheProperties() {
		this.contextRunner.withPropertyValues(connectionString(), "persisted-ops.store.azure-blob.container=absent")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				while (!(failure instanceof MissingBlobContainerException) && failure.getCause() != null) {
					failure = failure.getCause();
				}
				assertThat(failure).isInstanceOf(MissingBlobContainerException.class).hasMessageContaining("absent");
				FailureAnalysis analysis = new MissingBlobContainerFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getAction()).contains("persisted-ops.store.azure-blob.container")
					.contains("persisted-ops.store.azure-blob.create-container=true");
			});
	}

	@Test
	void missingContainerIsCreatedWhenConfiguredTo() {
		this.contextRunner
			.withPropertyValues(connectionString(), "persisted-ops.store.azure-blob.container=created-at-startup",
					"persisted-ops.store.azure-blob.create-container=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(service.getBlobContainerAsyncClient("created-at-startup").exists().block()).isTrue();
			});
	}

	@Test
	void applicationServiceClientIsUsedWithoutAnyConnectionProperty() {
		this.contextRunner.withBean(BlobServiceAsyncClient.class, () -> service)
			.withPropertyValues("persisted-ops.store.azure-blob.container=existing")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(CachingOperationDocumentStore.class));
	}

	@Test
	void noConnectionFailsStartupNamingTheProperty() {
		this.contextRunner.run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("persisted-ops.store.azure-blob.connection-string"));
	}

	@Test
	void endpointWithoutCredentialFailsStartupNamingTheProperties() {
		this.contextRunner.withPropertyValues("persisted-ops.store.azure-blob.endpoint=http://127.0.0.1:1/account")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("persisted-ops.store.azure-blob.sas-token"));
	}

	@Test
	void unreachableStorageAtStartupDoesNotFailStartup() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		this.contextRunner
			.withPropertyValues("persisted-ops.store.azure-blob.endpoint=http://127.0.0.1:" + closedPort + "/account",
					"persisted-ops.store.azure-blob.sas-token=sv=2020-08-04&sig=x")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(CachingOperationDocumentStore.class));
	}

	@Test
	void azureStoreTypeWithoutTheAzureSdkFailsNamingThePropertyAndTheFix() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("com.azure"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("persisted-ops.store.type")
				.hasMessageContaining("azure-storage-blob"));
	}

	@Test
	void publishingLoadsDocumentsIntoTheContainer() {
		this.contextRunner
			.withPropertyValues(connectionString(), "persisted-ops.store.azure-blob.container=published",
					"persisted-ops.store.azure-blob.create-container=true",
					"persisted-ops.store.azure-blob.blob-prefix=ops/", "persisted-ops.publish.enabled=true",
					"persisted-ops.publish.filesystem.locations=classpath:/autoconfig-fixtures/documents/")
			.run((context) -> {
				DocumentPublishingRunner runner = context.getBean(DocumentPublishingRunner.class);
				runner.run(null);
				runner.run(null);
				assertThat(service.getBlobContainerAsyncClient("published")
					.getBlobAsyncClient("ops/bb28b4361bbb1365763e710ce3071d70")
					.downloadContent()
					.block()
					.toString()).isEqualTo("query Greeting { greeting }");
				assertThat(context.getBean(OperationDocumentStore.class)
					.findDocument(OperationId.of("bb28b4361bbb1365763e710ce3071d70"))
					.block()).isEqualTo("query Greeting { greeting }");
			});
	}

	@Test
	void missingPublishLocationIsAnalyzedNamingThePublishProperty() {
		this.contextRunner.withPropertyValues(connectionString(), "persisted-ops.store.azure-blob.container=existing",
				"persisted-ops.publish.enabled=true", "persisted-ops.publish.filesystem.locations=classpath:/nowhere/")
			.run((context) -> assertThat(DocumentLoadFailureAnalyzerTests.analyzeStartupFailure(context).getAction())
				.contains("persisted-ops.publish.filesystem.locations")
				.contains("[classpath:/nowhere/]")
				.doesNotContain("persisted-ops.store."));
	}

}
