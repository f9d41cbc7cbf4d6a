package dev.persistedops.store.azure;

import java.time.Duration;
import java.util.UUID;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerAsyncClient;
import com.azure.storage.blob.BlobServiceAsyncClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.persistedops.document.InvalidOperationIdException;
import dev.persistedops.document.OperationId;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.test.AzuriteTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link AzureBlobOperationDocumentStore} against a real Azurite.
 */
class AzureBlobOperationDocumentStoreTests {

	private static final String TEXT = "query Greeting { greeting }";

	private static AzuriteTestServer azurite;

	private static BlobServiceAsyncClient service;

	private BlobContainerAsyncClient container;

	@BeforeAll
	static void startAzurite() {
		azurite = AzuriteTestServer.launch();
		service = new BlobServiceClientBuilder().connectionString(azurite.connectionString())
			.httpClient(new JdkHttpClientBuilder().build())
			.buildAsyncClient();
	}

	@AfterAll
	static void stopAzurite() {
		azurite.close();
	}

	@BeforeEach
	void createContainer() {
		this.container = service.getBlobContainerAsyncClient("c" + UUID.randomUUID().toString().replace("-", ""));
		this.container.create().block();
	}

	private void upload(String blob, String text) {
		this.container.getBlobAsyncClient(blob).upload(BinaryData.fromString(text)).block();
	}

	private String download(String blob) {
		return this.container.getBlobAsyncClient(blob).downloadContent().block().toString();
	}

	private AzureBlobOperationDocumentStore store(String prefix) {
		return new AzureBlobOperationDocumentStore(this.container, prefix);
	}

	private static String find(AzureBlobOperationDocumentStore store, String id) {
		return store.findDocument(OperationId.of(id)).block();
	}

	@Test
	void findsTheDocumentInTheBlobNamedByItsId() {
		upload("abc", TEXT);
		assertThat(find(store(""), "abc")).isEqualTo(TEXT);
	}

	@Test
	void missingBlobIsAbsent() {
		assertThat(find(store(""), "abc")).isNull();
	}

	@Test
	void emptyBlobIsAbsent() {
		upload("empty", "");
		assertThat(find(store(""), "empty")).isNull();
	}

	@Test
	void blobPrefixIsAVirtualFolder() {
		upload("operations/abc", TEXT);
		assertThat(find(store("operations/"), "abc")).isEqualTo(TEXT);
		assertThat(find(store(""), "abc")).isNull();
	}

	@Test
	void namespacedIdIsAVirtualFolderToo() {
		upload("operations/ios/abc", TEXT);
		AzureBlobOperationDocumentStore store = store("operations/");
		assertThat(store.blobNameOf(OperationId.of("ios/abc"))).isEqualTo("operations/ios/abc");
		assertThat(find(store, "ios/abc")).isEqualTo(TEXT);
	}

	@Test
	void lookupIsOneDownloadWithNoExistenceCheckBeforeIt() {
		upload("abc", TEXT);
		azurite.resetRequests();
		find(store(""), "abc");
		find(store(""), "missing");
		String path = "/" + this.container.getBlobContainerName();
		assertThat(azurite.requests("GET", path + "/abc")).isEqualTo(1);
		assertThat(azurite.requests("GET", path + "/missing")).isEqualTo(1);
		assertThat(azurite.requests("HEAD", path + "/abc") + azurite.requests("HEAD", path + "/missing")).isZero();
	}

	@Test
	void saveCreatesThenLeavesTheSameTextAndRefusesAnother() {
		AzureBlobOperationDocumentStore store = store("ops/");
		OperationId id = OperationId.of("abc");
		assertThat(store.save(id, TEXT, null).block()).isEqualTo(SaveOutcome.CREATED);
		assertThat(store.save(id, TEXT, null).block()).isEqualTo(SaveOutcome.UNCHANGED);
		assertThat(store.save(id, "mutation Evil { drop }", null).block()).isEqualTo(SaveOutcome.CONFLICT);
		assertThat(download("ops/abc")).isEqualTo(TEXT);
	}

	@Test
	void saveOverAnEmptyBlobKeepsIt() {
		upload("empty", "");
		assertThat(store("").save(OperationId.of("empty"), TEXT, null).block()).isEqualTo(SaveOutcome.CONFLICT);
	}

	@Test
	void saveWithATimeToLiveIsRefusedClearly() {
		assertThatExceptionOfType(UnsupportedOperationException.class)
			.isThrownBy(() -> store("").save(OperationId.of("abc"), TEXT, Duration.ofMinutes(1)).block())
			.withMessageContaining("lifecycle management policy");
	}

	@Test
	void existingContainerPassesTheCheck() {
		store("").checkContainer(false, Duration.ofSeconds(10));
	}

	@Test
	void missingContainerFailsTheCheck() {
		BlobContainerAsyncClient missing = service.getBlobContainerAsyncClient("missing" + System.nanoTime());
		assertThatExceptionOfType(MissingBlobContainerException.class).isThrownBy(
				() -> new AzureBlobOperationDocumentStore(missing, "").checkContainer(false, Duration.ofSeconds(10)))
			.withMessageContaining(missing.getBlobContainerName());
	}

	@Test
	void checkIsOneRequestThatBlobStorageAnswersWhetherOrNotTheContainerExists() {
		azurite.resetRequests();
		store("").check().block(Duration.ofSeconds(10));
		assertThat(azurite.requests("GET", "/" + this.container.getBlobContainerName())).isEqualTo(1);
		BlobContainerAsyncClient missing = service.getBlobContainerAsyncClient("missing" + System.nanoTime());
		new AzureBlobOperationDocumentStore(missing, "").check().block(Duration.ofSeconds(10));
	}

	@Test
	void missingContainerIsCreatedWhenAskedTo() {
		BlobContainerAsyncClient missing = service.getBlobContainerAsyncClient("created" + System.nanoTime());
		new AzureBlobOperationDocumentStore(missing, "").checkContainer(true, Duration.ofSeconds(10));
		assertThat(missing.exists().block()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "../secret", "/abc", "a/../../b", "..%2Fsecret", "%2e%2e/secret", "a\\..\\b", "a//b",
			"abc?comp=list", "abc#x" })
	void idsThatWouldEscapeThePrefixAreRefusedBeforeABlobNameIsBuilt(String id) {
		assertThatExceptionOfType(InvalidOperationIdException.class).isThrownBy(() -> OperationId.of(id));
	}

}
