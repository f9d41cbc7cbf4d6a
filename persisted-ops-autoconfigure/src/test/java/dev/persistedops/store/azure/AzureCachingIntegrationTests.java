package dev.persistedops.store.azure;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerAsyncClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.CachingOperationDocumentStore;
import dev.persistedops.store.ResilientOperationDocumentStore;
import dev.persistedops.store.StoreUnavailableException;
import dev.persistedops.test.AzuriteTestServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The caching decorator in front of a real Azurite: single-flight, counted from the
 * requests Azurite logged, and an outage with Azurite stopped and restarted mid-test.
 */
class AzureCachingIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofMillis(800);

	private static final Duration RETRY_INTERVAL = Duration.ofMillis(500);

	private AzuriteTestServer azurite;

	private BlobContainerAsyncClient container;

	private CachingOperationDocumentStore store;

	@BeforeEach
	void start() {
		this.azurite = AzuriteTestServer.launch();
		this.container = new BlobServiceClientBuilder().connectionString(this.azurite.connectionString())
			.httpClient(new JdkHttpClientBuilder().build())
			.buildAsyncClient()
			.getBlobContainerAsyncClient("c" + UUID.randomUUID().toString().replace("-", ""));
		this.container.create().block();
		this.store = new CachingOperationDocumentStore(
				new ResilientOperationDocumentStore(new AzureBlobOperationDocumentStore(this.container, "ops/"),
						new ResilientOperationDocumentStore.Settings(TIMEOUT, RETRY_INTERVAL, 256)),
				new CachingOperationDocumentStore.Settings(1_000, 1_000_000, null, 1_000, Duration.ofMinutes(1)));
	}

	@AfterEach
	void stop() {
		this.azurite.close();
	}

	private String path(String id) {
		return "/" + this.container.getBlobContainerName() + "/ops/" + id;
	}

	private List<Optional<String>> concurrentLookups(String id, int count) throws Exception {
		CyclicBarrier start = new CyclicBarrier(count);
		ExecutorService executor = Executors.newFixedThreadPool(count);
		try {
			List<Future<Optional<String>>> futures = IntStream.range(0, count).mapToObj((i) -> executor.submit(() -> {
				start.await();
				return Optional.ofNullable(this.store.findDocument(OperationId.of(id)).block());
			})).toList();
			List<Optional<String>> results = new java.util.ArrayList<>();
			for (Future<Optional<String>> future : futures) {
				results.add(future.get());
			}
			return results;
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void concurrentLookupsOfOneUncachedDocumentMakeOneRequest() throws Exception {
		this.container.getBlobAsyncClient("ops/abc").upload(BinaryData.fromString("query A { a }")).block();
		this.azurite.resetRequests();
		assertThat(concurrentLookups("abc", 32)).allMatch((result) -> result.equals(Optional.of("query A { a }")));
		assertThat(this.azurite.requests("GET", path("abc"))).isEqualTo(1);
	}

	@Test
	void concurrentLookupsOfOneUnknownIdMakeOneRequest() throws Exception {
		this.azurite.resetRequests();
		assertThat(concurrentLookups("unknown", 32)).allMatch(Optional::isEmpty);
		assertThat(this.azurite.requests("GET", path("unknown"))).isEqualTo(1);
	}

	@Test
	void outageServesCachedDocumentsFailsFastForOthersAndRecoversOnItsOwn() {
		this.container.getBlobAsyncClient("ops/cached").upload(BinaryData.fromString("query Cached { a }")).block();
		this.container.getBlobAsyncClient("ops/later").upload(BinaryData.fromString("query Later { b }")).block();
		assertThat(find("cached")).isEqualTo("query Cached { a }");

		this.azurite.stop();
		assertThat(find("cached")).isEqualTo("query Cached { a }");
		long started = System.nanoTime();
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("later"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plusMillis(700));
		started = System.nanoTime();
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("other"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));

		this.azurite.start();
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(RETRY_INTERVAL.plusMillis(100))
			.ignoreExceptionsInstanceOf(StoreUnavailableException.class)
			.untilAsserted(() -> assertThat(find("later")).isEqualTo("query Later { b }"));
	}

	private String find(String id) {
		return Mono.defer(() -> this.store.findDocument(OperationId.of(id))).block(Duration.ofSeconds(5));
	}

}
