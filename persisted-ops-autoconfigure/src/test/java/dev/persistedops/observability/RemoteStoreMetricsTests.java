package dev.persistedops.observability;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.RemoteStoreMonitor;
import dev.persistedops.store.ResilientOperationDocumentStore;
import dev.persistedops.store.StoreUnavailableException;
import dev.persistedops.store.memory.BoundedInMemoryOperationDocumentStore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RemoteStoreMetrics}, fed by a real
 * {@link ResilientOperationDocumentStore}.
 */
class RemoteStoreMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final RemoteStoreMonitor monitor = new RemoteStoreMonitor("redis");

	@Test
	void registersATimerPerResultAndTheOutageGaugeUpFront() {
		new RemoteStoreMetrics(this.registry, this.monitor);
		assertThat(this.registry.find(RemoteStoreMetrics.LOOKUPS).timers()).hasSize(5)
			.extracting((timer) -> timer.getId().getTag("result"))
			.containsExactlyInAnyOrder("hit", "miss", "error", "timeout", "rejected");
		assertThat(this.registry.find(RemoteStoreMetrics.LOOKUPS).timers())
			.allSatisfy((timer) -> assertThat(timer.getId().getTag("store")).isEqualTo("redis"));
		assertThat(this.registry.get(RemoteStoreMetrics.OUTAGE).tag("store", "redis").gauge().value()).isZero();
	}

	@Test
	void timesLookupsByResultAndShowsAnOutage() {
		new RemoteStoreMetrics(this.registry, this.monitor);
		FailingStore remote = new FailingStore();
		remote.save(OperationId.of("a"), "query A { a }", null).block();
		try (ResilientOperationDocumentStore store = new ResilientOperationDocumentStore(remote,
				new ResilientOperationDocumentStore.Settings(Duration.ofSeconds(1), Duration.ofMinutes(1), 8),
				this.monitor)) {
			assertThat(store.findDocument(OperationId.of("a")).block()).isNotNull();
			assertThat(store.findDocument(OperationId.of("b")).block()).isNull();
			remote.failing = true;
			assertThatExceptionOfType(StoreUnavailableException.class)
				.isThrownBy(() -> store.findDocument(OperationId.of("c")).block());
			assertThatExceptionOfType(StoreUnavailableException.class)
				.isThrownBy(() -> store.findDocument(OperationId.of("c")).block());
		}
		assertThat(count("hit")).isEqualTo(1);
		assertThat(count("miss")).isEqualTo(1);
		assertThat(count("error")).isEqualTo(1);
		assertThat(count("rejected")).isEqualTo(1);
		assertThat(count("timeout")).isZero();
		assertThat(this.registry.get(RemoteStoreMetrics.LOOKUPS)
			.tag("result", "hit")
			.timer()
			.totalTime(TimeUnit.NANOSECONDS)).isPositive();
		assertThat(this.registry.get(RemoteStoreMetrics.OUTAGE).gauge().value()).isEqualTo(1);
	}

	private long count(String result) {
		return this.registry.get(RemoteStoreMetrics.LOOKUPS).tag("result", result).timer().count();
	}

	static final class FailingStore extends BoundedInMemoryOperationDocumentStore {

		volatile boolean failing;

		FailingStore() {
			super(100, 1_000_000, Duration.ofHours(1));
		}

		@Override
		public Mono<String> findDocument(OperationId id) {
			return this.failing ? Mono.error(new StoreUnavailableException("connection refused"))
					: super.findDocument(id);
		}

	}

}
