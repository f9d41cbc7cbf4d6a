package dev.persistedops.integration;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.persistedops.observability.RemoteStoreMetrics;
import dev.persistedops.test.GraphQlTestClient;
import dev.persistedops.test.RedisTestServer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Redis stopped and started again under a running application: the health of
 * persisted operations goes DEGRADED (and the application's health stays UP, documents
 * still being served from the cache), then UP again; the lookup timer records the errors
 * and the outage gauge follows the outage.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "persisted-ops.store.type=redis",
				"persisted-ops.store.redis.key-prefix=obs:", "persisted-ops.store.timeout=500ms",
				"persisted-ops.store.retry-interval=500ms", "management.endpoints.web.exposure.include=health",
				"management.endpoint.health.show-details=always", "management.health.redis.enabled=false" })
class RemoteStoreObservabilityIntegrationTests {

	private static final RedisTestServer redis = RedisTestServer.launch();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry registry;

	GraphQlTestClient graphQl;

	@DynamicPropertySource
	static void redisProperties(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", redis::host);
		registry.add("spring.data.redis.port", redis::port);
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@BeforeEach
	void createClient() {
		this.graphQl = new GraphQlTestClient(this.port);
		redis.call((commands) -> commands.set("obs:" + Documents.GREETING_ID, Documents.GREETING));
	}

	@Test
	void anOutageMovesTheHealthToDegradedAndBackAndTheTimerRecordsItsErrors() {
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(component()).containsEntry("status", "UP"));
		this.graphQl.post(Map.of("id", Documents.GREETING_ID))
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, world!");
		assertThat(lookups("hit")).isEqualTo(1);
		redis.stop();
		try {
			this.graphQl.post(Map.of("id", "ffffffffffffffffffffffffffffffff"))
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("PERSISTED_QUERY_STORE_UNAVAILABLE");
			assertThat(lookups("error") + lookups("timeout")).isGreaterThanOrEqualTo(1);
			assertThat(outage()).isEqualTo(1);
			Map<String, Object> degraded = component();
			assertThat(degraded).containsEntry("status", "DEGRADED");
			assertThat(details(degraded)).containsEntry("store", "redis")
				.containsEntry("reachable", false)
				.containsEntry("outage", true)
				.containsKeys("lastFailure", "lastFailureMessage", "cachedDocuments");
			// The cached document is still served, and the application's health is UP.
			this.graphQl.post(Map.of("id", Documents.GREETING_ID))
				.expectBody()
				.jsonPath("$.data.greeting")
				.isEqualTo("Hello, world!");
			health().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
		}
		finally {
			redis.start();
		}
		Awaitility.await()
			.atMost(Duration.ofSeconds(15))
			.pollInterval(Duration.ofMillis(200))
			.untilAsserted(() -> assertThat(component()).containsEntry("status", "UP"));
		Map<String, Object> recovered = details(component());
		assertThat(recovered).containsEntry("reachable", true)
			.containsEntry("outage", false)
			.containsKey("lastFailure");
		assertThat(outage()).isZero();
	}

	private double lookups(String result) {
		return this.registry.get(RemoteStoreMetrics.LOOKUPS).tags("store", "redis", "result", result).timer().count();
	}

	private double outage() {
		return this.registry.get(RemoteStoreMetrics.OUTAGE).tag("store", "redis").gauge().value();
	}

	private WebTestClient.ResponseSpec health() {
		return this.graphQl.webTestClient().get().uri("/actuator/health").exchange();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> component() {
		return this.graphQl.webTestClient()
			.get()
			.uri("/actuator/health/persistedOperations")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(Map<String, Object> component) {
		return (Map<String, Object>) component.get("details");
	}

}
