package dev.persistedops.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Hooks;

import dev.persistedops.document.OperationId;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CachingOperationDocumentStore} in front of an in-memory store that
 * counts lookups. The behaviour against a real Redis is in
 * {@code RedisCachingIntegrationTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
class CachingOperationDocumentStoreTests {

	private static final CachingOperationDocumentStore.Settings SETTINGS = new CachingOperationDocumentStore.Settings(
			100, 1_000_000, null, 100, Duration.ofMinutes(1));

	private final CountingDocumentStore remote = new CountingDocumentStore();

	private final TestTime time = new TestTime();

	private static OperationId id(String value) {
		return OperationId.of(value);
	}

	private static String find(CachingOperationDocumentStore store, String id) {
		return store.findDocument(id(id)).block();
	}

	@Test
	void failedLookupsLogNothingAndAreNotRemembered(CapturedOutput output) {
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote, SETTINGS);
		this.remote.failing = true;
		IntStream.range(0, 10)
			.forEach((i) -> assertThatExceptionOfType(StoreUnavailableException.class)
				.isThrownBy(() -> find(store, "id" + i)));
		this.remote.failing = false;
		this.remote.save(id("id1"), "query A { a }");
		assertThat(find(store, "id1")).isEqualTo("query A { a }");
		assertThat(output).isEmpty();
	}

	@Test
	void lookupFailingAfterEveryCallerGaveUpIsNotReportedAsDropped() {
		List<Throwable> dropped = new CopyOnWriteArrayList<>();
		Hooks.onErrorDropped(dropped::add);
		try {
			CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote, SETTINGS);
			this.remote.delay = Duration.ofMillis(300);
			this.remote.failLate = true;
			assertThat(store.findDocument(id("late")).timeout(Duration.ofMillis(50)).onErrorComplete().block())
				.isNull();
			Awaitility.await().pollDelay(Duration.ofMillis(500)).until(() -> true);
			assertThat(dropped).isEmpty();
		}
		finally {
			Hooks.resetOnErrorDropped();
		}
	}

	@Test
	void documentIsAskedForOnceAndThenServedFromTheCache() {
		this.remote.save(id("a"), "query A { a }");
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote, SETTINGS);
		IntStream.range(0, 10).forEach((i) -> assertThat(find(store, "a")).isEqualTo("query A { a }"));
		assertThat(this.remote.lookups).hasValue(1);
	}

	@Test
	void absentIdIsRememberedSoTheRemoteStoreIsAskedOnce() {
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote, SETTINGS);
		IntStream.range(0, 10).forEach((i) -> assertThat(find(store, "missing")).isNull());
		assertThat(this.remote.lookups).hasValue(1);
	}

	@Test
	void absentIdIsAskedForAgainOnceItsTimeToLiveRunsOut() {
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote,
				new CachingOperationDocumentStore.Settings(100, 1_000_000, null, 100, Duration.ofMillis(100)),
				this.time);
		find(store, "later");
		this.remote.save(id("later"), "query Later { later }");
		this.time.advance(Duration.ofMillis(99));
		assertThat(find(store, "later")).isNull();
		this.time.advance(Duration.ofMillis(151));
		assertThat(find(store, "later")).isEqualTo("query Later { later }");
		assertThat(this.remote.lookups).hasValue(2);
	}

	@Test
	void documentIsAskedForAgainOnceItsTimeToLiveRunsOut() {
		this.remote.save(id("a"), "query A { a }");
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote,
				new CachingOperationDocumentStore.Settings(100, 1_000_000, Duration.ofMinutes(10), 100,
						Duration.ofMinutes(1)),
				this.time);
		find(store, "a");
		this.time.advance(Duration.ofMinutes(9));
		find(store, "a");
		assertThat(this.remote.lookups).hasValue(1);
		this.time.advance(Duration.ofMinutes(2));
		assertThat(find(store, "a")).isEqualTo("query A { a }");
		assertThat(this.remote.lookups).hasValue(2);
	}

	@Test
	void savingADocumentForgetsThatItWasAbsent() {
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote, SETTINGS);
		assertThat(find(store, "new")).isNull();
		assertThat(store.save(id("new"), "query New { new }", null).block()).isEqualTo(SaveOutcome.CREATED);
		assertThat(find(store, "new")).isEqualTo("query New { new }");
	}

	@Test
	void cacheIsBoundedByEntryCount() {
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote,
				new CachingOperationDocumentStore.Settings(50, 100_000_000, null, 100, Duration.ofMinutes(1)));
		IntStream.range(0, 1_000).forEach((i) -> {
			this.remote.save(id("d" + i), "query Q" + i + " { q }");
			find(store, "d" + i);
		});
		assertThat(store.cachedDocuments()).isLessThanOrEqualTo(50);
	}

	@Test
	void cacheIsBoundedByBytes() {
		String large = "query Large { " + "field ".repeat(1_000) + "}";
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote,
				new CachingOperationDocumentStore.Settings(10_000, 100_000, null, 100, Duration.ofMinutes(1)));
		IntStream.range(0, 200).forEach((i) -> {
			this.remote.save(id("l" + i), large + " # " + i);
			find(store, "l" + i);
		});
		assertThat(store.cachedWeight()).isLessThanOrEqualTo(100_000);
		assertThat(store.cachedDocuments()).isPositive();
	}

	@Test
	void floodOfUnknownIdsStaysBoundedAndDoesNotEvictDocuments() {
		this.remote.save(id("real"), "query Real { real }");
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote,
				new CachingOperationDocumentStore.Settings(10, 100_000, null, 500, Duration.ofMinutes(1)));
		find(store, "real");
		IntStream.range(0, 20_000).forEach((i) -> assertThat(find(store, "random" + i)).isNull());
		assertThat(store.cachedAbsentIds()).isLessThanOrEqualTo(500);
		int lookups = this.remote.lookups.get();
		assertThat(find(store, "real")).isEqualTo("query Real { real }");
		assertThat(this.remote.lookups).hasValue(lookups);
	}

	@Test
	void cachedDocumentsAreServedWhileTheRemoteStoreFails() {
		this.remote.save(id("a"), "query A { a }");
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote, SETTINGS);
		find(store, "a");
		this.remote.failing = true;
		assertThat(find(store, "a")).isEqualTo("query A { a }");
	}

	@Test
	void failedLookupIsNotCachedSoTheNextOneAsksAgain() {
		this.remote.save(id("b"), "query B { b }");
		this.remote.dataError = true;
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote, SETTINGS);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> find(store, "b"));
		this.remote.dataError = false;
		assertThat(find(store, "b")).isEqualTo("query B { b }");
	}

	@Test
	void saveWhileAMissIsInFlightLeavesTheDocumentFindable() {
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote, SETTINGS);
		this.remote.delay = Duration.ofMillis(200);
		CompletableFuture<String> miss = store.findDocument(id("racing")).toFuture();
		assertThat(store.save(id("racing"), "query Racing { r }", null).block()).isEqualTo(SaveOutcome.CREATED);
		miss.join();
		assertThat(find(store, "racing")).isEqualTo("query Racing { r }");
		this.remote.delay = null;
		assertThat(store.cachedAbsentIds()).isZero();
	}

	@Test
	void settingsThatBreakABoundAreRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new CachingOperationDocumentStore.Settings(2, 64L * 1024 * 1024 * 1024, null, 10,
					Duration.ofSeconds(1)))
			.withMessageContaining("maximum bytes per entry");
	}

}
