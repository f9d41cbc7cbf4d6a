package dev.persistedops.store.redis;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.CachingOperationDocumentStore;
import dev.persistedops.store.ResilientOperationDocumentStore;
import dev.persistedops.store.StoreUnavailableException;
import dev.persistedops.test.RedisTestServer;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The caching decorator in front of a real Redis: single-flight and outages, proved by
 * what Redis itself counted and by stopping the server mid-test.
 */
class RedisCachingIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofMillis(500);

	private static final Duration RETRY_INTERVAL = Duration.ofMillis(500);

	private RedisTestServer server;

	private LettuceConnectionFactory connectionFactory;

	private CachingOperationDocumentStore store;

	@BeforeEach
	void start() {
		this.server = RedisTestServer.launch();
		this.connectionFactory = new LettuceConnectionFactory(this.server.host(), this.server.port());
		this.connectionFactory.start();
		this.store = new CachingOperationDocumentStore(
				new ResilientOperationDocumentStore(
						new RedisOperationDocumentStore(new ReactiveStringRedisTemplate(this.connectionFactory), "p:"),
						new ResilientOperationDocumentStore.Settings(TIMEOUT, RETRY_INTERVAL, 256)),
				new CachingOperationDocumentStore.Settings(1_000, 1_000_000, null, 1_000, Duration.ofMinutes(1)));
	}

	@AfterEach
	void stop() {
		this.connectionFactory.destroy();
		this.server.close();
	}

	private List<Optional<String>> concurrentLookups(String id, int count) {
		// Hold Redis so that every lookup is in flight at once, as under load.
		this.server.call((redis) -> redis.clientPause(300));
		return Flux.range(0, count)
			.parallel(count)
			.runOn(Schedulers.boundedElastic())
			.flatMap((i) -> this.store.findDocument(OperationId.of(id))
				.map(Optional::of)
				.defaultIfEmpty(Optional.empty()))
			.sequential()
			.collectList()
			.block(Duration.ofSeconds(10));
	}

	@Test
	void concurrentLookupsOfOneUncachedDocumentMakeOneRedisCall() {
		this.server.call((redis) -> redis.set("p:abc", "query A { a }"));
		this.server.resetStats();
		List<Optional<String>> results = concurrentLookups("abc", 64);
		assertThat(results).hasSize(64).allMatch((result) -> result.equals(Optional.of("query A { a }")));
		assertThat(this.server.commandCalls("get")).isEqualTo(1);
	}

	@Test
	void concurrentLookupsOfOneUnknownIdMakeOneRedisCall() {
		this.server.resetStats();
		List<Optional<String>> results = concurrentLookups("unknown", 64);
		assertThat(results).hasSize(64).allMatch(Optional::isEmpty);
		assertThat(this.server.commandCalls("get")).isEqualTo(1);
		assertThat(this.store.findDocument(OperationId.of("unknown")).block()).isNull();
		assertThat(this.server.commandCalls("get")).isEqualTo(1);
	}

	@Test
	void floodOfUnknownIdsStaysWithinTheAbsentBoundAndLeavesDocumentsCached() {
		CachingOperationDocumentStore small = new CachingOperationDocumentStore(
				new ResilientOperationDocumentStore(
						new RedisOperationDocumentStore(new ReactiveStringRedisTemplate(this.connectionFactory), "p:"),
						new ResilientOperationDocumentStore.Settings(TIMEOUT, RETRY_INTERVAL, 256)),
				new CachingOperationDocumentStore.Settings(10, 1_000_000, null, 100, Duration.ofMinutes(1)));
		this.server.call((redis) -> redis.set("p:real", "query Real { a }"));
		assertThat(small.findDocument(OperationId.of("real")).block()).isEqualTo("query Real { a }");
		Flux.range(0, 5_000)
			.flatMap((i) -> small.findDocument(OperationId.of("random-" + i)), 64)
			.blockLast(Duration.ofSeconds(30));
		assertThat(small.cachedAbsentIds()).isLessThanOrEqualTo(100);
		this.server.resetStats();
		assertThat(small.findDocument(OperationId.of("real")).block()).isEqualTo("query Real { a }");
		assertThat(this.server.commandCalls("get")).isZero();
	}

	@Test
	void frozenRedisUnderLoadNeitherBlocksCallersNorPilesUpCommands() {
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(
				new ResilientOperationDocumentStore(
						new RedisOperationDocumentStore(new ReactiveStringRedisTemplate(this.connectionFactory), "p:"),
						new ResilientOperationDocumentStore.Settings(TIMEOUT, Duration.ofSeconds(30), 16)),
				new CachingOperationDocumentStore.Settings(1_000, 1_000_000, null, 1_000, Duration.ofMinutes(1)));
		this.server.call((redis) -> redis.set("p:cached", "query Cached { a }"));
		assertThat(store.findDocument(OperationId.of("cached")).block()).isEqualTo("query Cached { a }");
		this.server.resetStats();
		this.server.freeze();
		try {
			long started = System.nanoTime();
			assertThat(lookUpMany(store, "first-", 500)).hasSize(500)
				.allMatch(StoreUnavailableException.class::isInstance);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plusMillis(1_500));
			started = System.nanoTime();
			assertThat(lookUpMany(store, "second-", 500)).hasSize(500)
				.allMatch(StoreUnavailableException.class::isInstance);
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
			assertThat(store.findDocument(OperationId.of("cached")).block()).isEqualTo("query Cached { a }");
		}
		finally {
			this.server.thaw();
		}
		// What reached Redis while it was frozen runs now: at most the 16 allowed in
		// flight.
		Awaitility.await()
			.pollDelay(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.server.commandCalls("get")).isBetween(1L, 16L));
		store.close();
	}

	@Test
	void firstConnectionToAFrozenRedisBlocksNoCaller() {
		this.server.freeze();
		LettuceConnectionFactory fresh = new LettuceConnectionFactory(this.server.host(), this.server.port());
		fresh.start();
		CachingOperationDocumentStore store = new CachingOperationDocumentStore(
				new ResilientOperationDocumentStore(
						new RedisOperationDocumentStore(new ReactiveStringRedisTemplate(fresh), "p:"),
						new ResilientOperationDocumentStore.Settings(TIMEOUT, RETRY_INTERVAL, 16)),
				new CachingOperationDocumentStore.Settings(1_000, 1_000_000, null, 1_000, Duration.ofMinutes(1)));
		try {
			long started = System.nanoTime();
			Mono<String> lookup = store.findDocument(OperationId.of("first"));
			lookup.subscribe((text) -> {
			}, (ex) -> {
			});
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
			assertThatExceptionOfType(StoreUnavailableException.class)
				.isThrownBy(() -> store.findDocument(OperationId.of("second")).block(Duration.ofSeconds(3)));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plusMillis(1_500));
		}
		finally {
			this.server.thaw();
			store.close();
			fresh.destroy();
		}
	}

	private static List<Throwable> lookUpMany(CachingOperationDocumentStore store, String prefix, int count) {
		return Flux.range(0, count)
			.flatMap((i) -> store.findDocument(OperationId.of(prefix + i))
				.then(Mono.<Throwable>empty())
				.onErrorResume(Mono::just), count)
			.collectList()
			.block(Duration.ofSeconds(10));
	}

	@Test
	void outageServesCachedDocumentsFailsFastForOthersAndRecoversOnItsOwn() {
		this.server.call((redis) -> redis.set("p:cached", "query Cached { a }"));
		assertThat(find("cached")).isEqualTo("query Cached { a }");

		this.server.stop();
		assertThat(find("cached")).isEqualTo("query Cached { a }");
		long started = System.nanoTime();
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("uncached"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plusMillis(700));
		started = System.nanoTime();
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("other"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(100));

		this.server.start();
		this.server.call((redis) -> redis.set("p:uncached", "query Uncached { b }"));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(RETRY_INTERVAL.plusMillis(100))
			.ignoreExceptionsInstanceOf(StoreUnavailableException.class)
			.untilAsserted(() -> assertThat(find("uncached")).isEqualTo("query Uncached { b }"));
		assertThat(find("cached")).isEqualTo("query Cached { a }");
	}

	private String find(String id) {
		return Mono.defer(() -> this.store.findDocument(OperationId.of(id))).block(Duration.ofSeconds(5));
	}

}
