package dev.persistedops.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ResilientOperationDocumentStore} in front of an in-memory store that
 * counts lookups and can be made to fail, with the outage gate on a clock the test moves.
 * The behaviour against a real Redis is in {@code RedisCachingIntegrationTests}.
 */
class ResilientOperationDocumentStoreTests {

	private static final ResilientOperationDocumentStore.Settings SETTINGS = new ResilientOperationDocumentStore.Settings(
			Duration.ofMillis(300), Duration.ofMillis(300), 256);

	private final CountingDocumentStore remote = new CountingDocumentStore();

	private final TestTime time = new TestTime();

	private final ResilientOperationDocumentStore store = new ResilientOperationDocumentStore(this.remote, SETTINGS,
			this.time);

	@AfterEach
	void close() {
		this.store.close();
	}

	private static OperationId id(String value) {
		return OperationId.of(value);
	}

	private String find(String id) {
		return this.store.findDocument(id(id)).block();
	}

	@Test
	void lookupThatTakesTooLongFailsAtTheTimeout() {
		this.remote.hang = true;
		long started = System.nanoTime();
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("slow"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void afterAnOutageLookupsFailAtOnceUntilTheRetryIntervalHasPassed() {
		this.remote.save(id("a"), "query A { a }");
		this.remote.failing = true;
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("a"));
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("a"));
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("b"));
		assertThat(this.remote.lookups).hasValue(1);
		this.remote.failing = false;
		this.time.advance(Duration.ofMillis(400));
		assertThat(find("a")).isEqualTo("query A { a }");
		assertThat(find("b")).isNull();
	}

	@Test
	void afterTheRetryIntervalOneProbeGoesToTheStoreWhileOthersStillFail() {
		this.remote.failing = true;
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("a"));
		this.time.advance(Duration.ofMillis(400));
		this.remote.failing = false;
		this.remote.delay = Duration.ofMillis(150);
		int before = this.remote.lookups.get();
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		Flux.range(0, 20).flatMap((i) -> this.store.findDocument(id("id" + i)).onErrorResume((ex) -> {
			failures.add(ex);
			return Mono.empty();
		}), 20).blockLast(Duration.ofSeconds(5));
		assertThat(this.remote.lookups.get() - before).isEqualTo(1);
		assertThat(failures).hasSize(19).allMatch(StoreUnavailableException.class::isInstance);
		assertThat(find("another")).isNull();
	}

	@Test
	void errorThatIsNotAnOutageFailsOnlyThatLookup() {
		this.remote.save(id("b"), "query B { b }");
		this.remote.dataError = true;
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> find("a"));
		this.remote.dataError = false;
		assertThat(find("b")).isEqualTo("query B { b }");
	}

	@Test
	void lookupsOverTheConcurrencyLimitFailAtOnce() {
		ResilientOperationDocumentStore limited = new ResilientOperationDocumentStore(this.remote,
				new ResilientOperationDocumentStore.Settings(Duration.ofSeconds(5), Duration.ofMillis(300), 2),
				this.time);
		try {
			this.remote.delay = Duration.ofMillis(300);
			List<Throwable> failures = new CopyOnWriteArrayList<>();
			Flux.range(0, 5).flatMap((i) -> limited.findDocument(id("id" + i)).onErrorResume((ex) -> {
				failures.add(ex);
				return Mono.empty();
			}), 5).blockLast(Duration.ofSeconds(5));
			assertThat(this.remote.lookups).hasValue(2);
			assertThat(failures).hasSize(3).allMatch(StoreUnavailableException.class::isInstance);
		}
		finally {
			limited.close();
		}
	}

	@Test
	void storeThatBlocksTheCallingThreadDoesNotBlockTheCaller() {
		this.remote.blockOnCall = true;
		long started = System.nanoTime();
		Mono<String> lookup = this.store.findDocument(id("blocking")).cache();
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
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new ResilientOperationDocumentStore.Settings(Duration.ZERO, Duration.ofSeconds(1), 1))
			.withMessageContaining("timeout");
	}

}
