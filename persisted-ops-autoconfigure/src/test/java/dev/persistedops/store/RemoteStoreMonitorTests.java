package dev.persistedops.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RemoteStoreMonitor}: what a {@link ResilientOperationDocumentStore}
 * reports of its remote store, with the outage gate on a clock the test moves.
 */
class RemoteStoreMonitorTests {

	private static final ResilientOperationDocumentStore.Settings SETTINGS = new ResilientOperationDocumentStore.Settings(
			Duration.ofMillis(300), Duration.ofMillis(300), 256);

	private final CountingDocumentStore remote = new CountingDocumentStore();

	private final TestTime time = new TestTime();

	private final RemoteStoreMonitor monitor = new RemoteStoreMonitor("redis");

	private final ResilientOperationDocumentStore store = new ResilientOperationDocumentStore(this.remote, SETTINGS,
			this.monitor, this.time);

	private final List<RemoteLookupResult> results = new CopyOnWriteArrayList<>();

	private final List<Long> durations = new CopyOnWriteArrayList<>();

	RemoteStoreMonitorTests() {
		this.monitor.addListener((result, nanos) -> {
			this.results.add(result);
			this.durations.add(nanos);
		});
	}

	@AfterEach
	void close() {
		this.store.close();
	}

	private String find(String id) {
		return this.store.findDocument(OperationId.of(id)).block();
	}

	@Test
	void reportsHitsAndMissesWithTheirDuration() {
		this.remote.save(OperationId.of("a"), "query A { a }");
		this.remote.delay = Duration.ofMillis(50);
		assertThat(find("a")).isEqualTo("query A { a }");
		assertThat(find("b")).isNull();
		assertThat(this.results).containsExactly(RemoteLookupResult.HIT, RemoteLookupResult.MISS);
		assertThat(this.durations).allSatisfy((nanos) -> assertThat(nanos).isGreaterThanOrEqualTo(50_000_000L));
		assertThat(this.monitor.isOutage()).isFalse();
		assertThat(this.monitor.lastFailure()).isNull();
	}

	@Test
	void reportsAFailureAsAnErrorThatStartsAnOutageThenRejectsUntilTheStoreAnswersAgain() {
		this.remote.failing = true;
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("a"));
		assertThat(this.monitor.isOutage()).isTrue();
		RemoteStoreMonitor.Failure failure = this.monitor.lastFailure();
		assertThat(failure).isNotNull();
		assertThat(failure.at()).isEqualTo(this.time.instant());
		assertThat(failure.message()).isEqualTo("remote store is down");
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("a"));
		assertThat(this.results).containsExactly(RemoteLookupResult.ERROR, RemoteLookupResult.REJECTED);
		this.remote.failing = false;
		this.time.advance(Duration.ofMillis(400));
		assertThat(find("a")).isNull();
		assertThat(this.monitor.isOutage()).isFalse();
		assertThat(this.monitor.lastFailure()).isEqualTo(failure);
	}

	@Test
	void reportsATimeout() {
		this.remote.hang = true;
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("a"));
		assertThat(this.results).containsExactly(RemoteLookupResult.TIMEOUT);
		assertThat(this.monitor.isOutage()).isTrue();
	}

	@Test
	void reportsALookupRefusedByTheConcurrencyLimitAsRejected() {
		try (ResilientOperationDocumentStore store = new ResilientOperationDocumentStore(this.remote,
				new ResilientOperationDocumentStore.Settings(Duration.ofMillis(300), Duration.ofMillis(300), 1),
				this.monitor, this.time)) {
			this.remote.hang = true;
			assertThatExceptionOfType(StoreUnavailableException.class)
				.isThrownBy(() -> store.findDocument(OperationId.of("a")).block());
			// The hung call keeps its place in the limit of one, after the retry
			// interval.
			this.time.advance(Duration.ofMillis(400));
			assertThatExceptionOfType(StoreUnavailableException.class)
				.isThrownBy(() -> store.findDocument(OperationId.of("b")).block());
			assertThat(this.results).containsExactly(RemoteLookupResult.TIMEOUT, RemoteLookupResult.REJECTED);
		}
	}

	@Test
	void aCheckIsNotALookupAndEndsAnOutageWhenTheStoreAnswers() {
		this.remote.failing = true;
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> this.monitor.check().block());
		assertThat(this.monitor.isOutage()).isTrue();
		this.remote.failing = false;
		assertThatExceptionOfType(StoreUnavailableException.class)
			.as("within the retry interval the check fails at once")
			.isThrownBy(() -> this.monitor.check().block());
		this.time.advance(Duration.ofMillis(400));
		this.monitor.check().block();
		assertThat(this.monitor.isOutage()).isFalse();
		assertThat(this.results).isEmpty();
	}

	@Test
	void aCheckThatFailsWithAnyErrorIsAFailureOfTheStore() {
		WritableOperationDocumentStore remote = new CountingDocumentStore() {

			@Override
			public Mono<Void> check() {
				return Mono.error(new IllegalStateException("connection reset"));
			}

		};
		RemoteStoreMonitor monitor = new RemoteStoreMonitor("azure-blob");
		try (ResilientOperationDocumentStore store = new ResilientOperationDocumentStore(remote, SETTINGS, monitor,
				this.time)) {
			assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> store.check().block());
			assertThat(monitor.isOutage()).isTrue();
			assertThat(monitor.lastFailure().message()).isEqualTo("connection reset");
		}
	}

	@Test
	void savesAreNotLookups() {
		this.store.save(OperationId.of("a"), "query A { a }", null).block();
		assertThat(this.results).isEmpty();
	}

	@Test
	void aListenerThatFailsDoesNotFailTheLookup() {
		this.monitor.addListener((result, nanos) -> {
			throw new IllegalStateException("broken listener");
		});
		assertThat(find("a")).isNull();
		assertThat(this.results).containsExactly(RemoteLookupResult.MISS);
	}

}
