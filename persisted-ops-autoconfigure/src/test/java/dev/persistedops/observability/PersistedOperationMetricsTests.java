package dev.persistedops.observability;

import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.persistedops.document.OperationId;
import dev.persistedops.web.ClientIdentity;
import dev.persistedops.web.PersistedOperationEvent;
import dev.persistedops.web.PersistedOperationOutcome;
import dev.persistedops.web.Transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PersistedOperationMetrics}.
 */
class PersistedOperationMetricsTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	@Test
	void countsEachDecisionByOutcomeTransportAndClient() {
		PersistedOperationMetrics metrics = new PersistedOperationMetrics(this.registry, 10);
		ClientIdentity ios = new ClientIdentity("ios-app", "4.2.0");
		metrics.onEvent(event(PersistedOperationOutcome.PERSISTED, Transport.HTTP, ios));
		metrics.onEvent(event(PersistedOperationOutcome.PERSISTED, Transport.HTTP, new ClientIdentity("ios-app", "5")));
		metrics.onEvent(event(PersistedOperationOutcome.PERSISTED, Transport.WEBSOCKET, ios));
		metrics.onEvent(event(PersistedOperationOutcome.REFUSED, Transport.GET, ios));
		assertThat(count("persisted", "http", "ios-app")).isEqualTo(2);
		assertThat(count("persisted", "websocket", "ios-app")).isEqualTo(1);
		assertThat(count("refused", "get", "ios-app")).isEqualTo(1);
		assertThat(this.registry.getMeters()).hasSize(3);
	}

	@Test
	void tagsAreTheOutcomeAndTransportTagValues() {
		PersistedOperationMetrics metrics = new PersistedOperationMetrics(this.registry, 10);
		metrics
			.onEvent(event(PersistedOperationOutcome.OVERRIDE_ALLOWED, Transport.SSE, new ClientIdentity("web", null)));
		Meter meter = this.registry.getMeters().get(0);
		assertThat(meter.getId().getName()).isEqualTo(PersistedOperationMetrics.METER);
		assertThat(meter.getId().getTag("outcome")).isEqualTo("override_allowed");
		assertThat(meter.getId().getTag("transport")).isEqualTo("sse");
		assertThat(meter.getId().getTag("client")).isEqualTo("web");
	}

	@Test
	void requestNamingNoClientCountsAsUnknown() {
		PersistedOperationMetrics metrics = new PersistedOperationMetrics(this.registry, 10);
		metrics.onEvent(event(PersistedOperationOutcome.AUDITED, Transport.HTTP, null));
		metrics.onEvent(event(PersistedOperationOutcome.AUDITED, Transport.HTTP, null));
		assertThat(count("audited", "http", "unknown")).isEqualTo(2);
	}

	@Test
	void clientNamesBeyondTheMaximumCountAsOther() {
		PersistedOperationMetrics metrics = new PersistedOperationMetrics(this.registry, 2);
		for (String name : new String[] { "ios", "android", "web", "ios", "cli", "android" }) {
			metrics.onEvent(event(PersistedOperationOutcome.SENT, Transport.HTTP, new ClientIdentity(name, null)));
		}
		assertThat(count("sent", "http", "ios")).isEqualTo(2);
		assertThat(count("sent", "http", "android")).isEqualTo(2);
		assertThat(count("sent", "http", "other")).isEqualTo(2);
		assertThat(clientTagValues()).containsExactlyInAnyOrder("ios", "android", "other");
	}

	@Test
	void noClientNamesOfTheirOwnWithAMaximumOfZero() {
		PersistedOperationMetrics metrics = new PersistedOperationMetrics(this.registry, 0);
		metrics.onEvent(event(PersistedOperationOutcome.SENT, Transport.HTTP, new ClientIdentity("ios", null)));
		metrics.onEvent(event(PersistedOperationOutcome.SENT, Transport.HTTP, null));
		assertThat(clientTagValues()).containsExactlyInAnyOrder("other", "unknown");
	}

	@Test
	void hundredThousandDistinctClientNamesKeepTheClientTagAndTheMetersBounded() {
		int maximumClientNames = 50;
		PersistedOperationMetrics metrics = new PersistedOperationMetrics(this.registry, maximumClientNames);
		PersistedOperationOutcome[] outcomes = PersistedOperationOutcome.values();
		Transport[] transports = Transport.values();
		int events = 100_000;
		for (int i = 0; i < events; i++) {
			ClientIdentity client = (i % 10 == 0) ? null : new ClientIdentity("client-" + i, null);
			metrics.onEvent(event(outcomes[i % outcomes.length], transports[i % transports.length], client));
		}
		Set<String> clients = clientTagValues();
		assertThat(clients).hasSizeLessThanOrEqualTo(maximumClientNames + 2).contains("other", "unknown");
		assertThat(this.registry.getMeters())
			.hasSizeLessThanOrEqualTo(outcomes.length * transports.length * (maximumClientNames + 2));
		double total = this.registry.find(PersistedOperationMetrics.METER)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
		assertThat(total).isEqualTo(events);
	}

	@Test
	void maximumClientNamesMustNotBeNegative() {
		assertThatIllegalArgumentException().isThrownBy(() -> new PersistedOperationMetrics(this.registry, -1));
	}

	private double count(String outcome, String transport, String client) {
		return this.registry.get(PersistedOperationMetrics.METER)
			.tags("outcome", outcome, "transport", transport, "client", client)
			.counter()
			.count();
	}

	private Set<String> clientTagValues() {
		return this.registry.getMeters()
			.stream()
			.map((meter) -> meter.getId().getTag("client"))
			.collect(Collectors.toSet());
	}

	private static PersistedOperationEvent event(PersistedOperationOutcome outcome, Transport transport,
			ClientIdentity client) {
		return new PersistedOperationEvent(outcome, transport, client, OperationId.of("getHero"));
	}

}
