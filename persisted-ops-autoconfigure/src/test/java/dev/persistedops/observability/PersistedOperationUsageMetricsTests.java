package dev.persistedops.observability;

import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.persistedops.document.OperationId;
import dev.persistedops.web.PersistedOperationEvent;
import dev.persistedops.web.PersistedOperationOutcome;
import dev.persistedops.web.Transport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedOperationUsageMetrics}.
 */
class PersistedOperationUsageMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void storedOperationsStartAtZeroAndCountTheirRuns() {
		PersistedOperationUsageMetrics metrics = new PersistedOperationUsageMetrics(this.registry, 10,
				List.of("a", "b"));
		assertThat(count("a")).isZero();
		assertThat(count("b")).isZero();
		metrics.onEvent(event(PersistedOperationOutcome.PERSISTED, "a"));
		metrics.onEvent(event(PersistedOperationOutcome.SAFELISTED, "a"));
		metrics.onEvent(event(PersistedOperationOutcome.APQ_REGISTERED, "c"));
		metrics.onEvent(event(PersistedOperationOutcome.NOT_FOUND, "d"));
		metrics.onEvent(event(PersistedOperationOutcome.DOCUMENT_MISMATCH, "b"));
		assertThat(count("a")).isEqualTo(2);
		assertThat(count("b")).isZero();
		assertThat(count("c")).isEqualTo(1);
		assertThat(this.registry.find(PersistedOperationUsageMetrics.METER).tag("operation", "d").counter()).isNull();
	}

	@Test
	void aHundredThousandOperationsStayWithinTheBound() {
		PersistedOperationUsageMetrics metrics = new PersistedOperationUsageMetrics(this.registry, 100, List.of());
		for (int i = 0; i < 100_000; i++) {
			metrics.onEvent(event(PersistedOperationOutcome.APQ_REGISTERED, "op-" + i));
		}
		assertThat(this.registry.find(PersistedOperationUsageMetrics.METER).counters()).hasSize(101);
		assertThat(count("other")).isEqualTo(100_000 - 100);
	}

	private double count(String operation) {
		return this.registry.get(PersistedOperationUsageMetrics.METER).tag("operation", operation).counter().count();
	}

	private static PersistedOperationEvent event(PersistedOperationOutcome outcome, String id) {
		return new PersistedOperationEvent(outcome, Transport.HTTP, null, OperationId.of(id));
	}

}
