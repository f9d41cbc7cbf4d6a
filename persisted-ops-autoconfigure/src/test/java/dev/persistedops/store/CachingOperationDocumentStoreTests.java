package dev.persistedops.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.memory.InMemoryOperationDocumentStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CachingOperationDocumentStore} in front of an in-memory store that counts
 * lookups. The behaviour against a real Redis is in {@code RedisCachingIntegrationTests}.
 */
class CachingOperationDocumentStoreTests {

	private static final CachingOperationDocumentStore.Settings SETTINGS = new CachingOperationDocumentStore.Settings(100, 1_000_000, null, 100, Duration.ofMinutes(1), Duration.ofMillis(300), Duration.ofMillis(300), 256);

	private final CountingStore remote = new CountingStore();

	private static OperationId id(String value) {
		return OperationId.of(value);
	}

	private static String find(CachingOperationDocumentStore store, String id) {
		return store.findDocument(id(id)).block();
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
	void absentIdIsAskedForAgainOnceItsTimeToLiveRunsOut() throws InterruptedException {
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote,
				new CachingOperationDocumentStore.Settings(100, 1_000_000, null, 100, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(1), 256));
		find(store, "later");
		this.remote.save(id("later"), "query Later { later }");
		Thread.sleep(250);
		assertThat(find(store, "later")).isEqualTo("query Later { later }");
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
				new CachingOperationDocumentStore.Settings(50, 100_000_000, null, 100, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 256));
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
				new CachingOperationDocumentStore.Settings(10_000, 100_000, null, 100, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 256));
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
				new CachingOperationDocumentStore.Settings(10, 100_000, null, 500, Duration.ofMinutes(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 256));
		find(store, "real");
		IntStream.range(0, 20_000).forEach((i) -> assertThat(find(store, "random" + i)).isNull());
		assertThat(store.cachedAbsentIds()).isLessThanOrEqualTo(500);
		int lookups = this.remote.lookups.get();
		assertThat(find(store, "real")).isEqualTo("query Real { real }");
		assertThat(this.remote.lookups).hasValue(lookups);
	}

	@Test
	void lookupThatTakesTooLongFailsAtTheTimeout() {
		this.remote.hang = true;
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote, SETTINGS);
		long started = System.nanoTime();
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find(store, "slow"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void afterAnOutageLookupsFailAtOnceUntilTheRetryIntervalHasPassed() throws InterruptedException {
		this.remote.save(id("a"), "query A { a }");
		this.remote.failing = true;
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote, SETTINGS);
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find(store, "a"));
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find(store, "a"));
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find(store, "b"));
		assertThat(this.remote.lookups).hasValue(1);
		this.remote.failing = false;
		Thread.sleep(400);
		assertThat(find(store, "a")).isEqualTo("query A { a }");
		assertThat(find(store, "b")).isNull();
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
	void afterTheRetryIntervalOneProbeGoesToTheStoreWhileOthersStillFail() throws InterruptedException {
		this.remote.failing = true;
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote, SETTINGS);
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find(store, "a"));
		Thread.sleep(400);
		this.remote.failing = false;
		this.remote.delay = Duration.ofMillis(150);
		int before = this.remote.lookups.get();
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		Flux.range(0, 20)
			.flatMap((i) -> store.findDocument(id("id" + i)).onErrorResume((ex) -> {
				failures.add(ex);
				return Mono.empty();
			}), 20)
			.blockLast(Duration.ofSeconds(5));
		assertThat(this.remote.lookups.get() - before).isEqualTo(1);
		assertThat(failures).hasSize(19).allMatch(StoreUnavailableException.class::isInstance);
		assertThat(find(store, "another")).isNull();
	}

	@Test
	void errorThatIsNotAnOutageFailsOnlyThatLookup() {
		this.remote.save(id("b"), "query B { b }");
		this.remote.dataError = true;
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote, SETTINGS);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> find(store, "a"));
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
	void storeThatBlocksTheCallingThreadDoesNotBlockTheCaller() {
		this.remote.blockOnCall = true;
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(this.remote, SETTINGS);
		long started = System.nanoTime();
		Mono<String> lookup = store.findDocument(id("blocking"));
		lookup.subscribe((text) -> {
		}, (ex) -> {
		});
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> lookup.block(Duration.ofSeconds(1)));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_000));
	}

	@Test
	void settingsThatBreakABoundAreRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(
				() -> new CachingOperationDocumentStore.Settings(2, 64L * 1024 * 1024 * 1024, null, 10,
						Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 1))
			.withMessageContaining("maximum bytes per entry");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(
				() -> new CachingOperationDocumentStore.Settings(2, 1_000, null, 10, Duration.ofSeconds(1),
						Duration.ZERO, Duration.ofSeconds(1), 1))
			.withMessageContaining("timeout");
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * An in-memory store that counts lookups, and can be made to fail or hang.
	 */
	static class CountingStore extends InMemoryOperationDocumentStore {

		final AtomicInteger lookups = new AtomicInteger();

		volatile boolean failing;

		volatile boolean hang;

		volatile boolean dataError;

		volatile boolean blockOnCall;

		volatile @Nullable Duration delay;

		@Override
		public Mono<String> findDocument(OperationId id) {
			this.lookups.incrementAndGet();
			if (this.failing) {
				return Mono.error(new StoreUnavailableException("remote store is down"));
			}
			if (this.dataError) {
				return Mono.error(new IllegalStateException("this key holds something else"));
			}
			if (this.blockOnCall) {
				sleep(2_000);
			}
			if (this.delay != null) {
				return Mono.delay(this.delay).then(super.findDocument(id));
			}
			return this.hang ? Mono.never() : super.findDocument(id);
		}

		@Override
		public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
			return super.save(id, text, timeToLive);
		}

	}

}
