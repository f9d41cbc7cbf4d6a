package dev.persistedops.integration;

import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.persistedops.test.GraphQlTestClient;
import dev.persistedops.test.RedisTestServer;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Persisted operations served from a real Redis over HTTP: published at startup from the
 * test's exported documents, looked up by id, and through an outage.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "persisted-ops.store.type=redis",
				"persisted-ops.store.redis.key-prefix=it:", "persisted-ops.store.timeout=500ms",
				"persisted-ops.store.retry-interval=500ms", "persisted-ops.publish.enabled=true",
				"persisted-ops.publish.filesystem.locations=classpath:/persisted-operations/",
				"persisted-ops.apq.enabled=true", "persisted-ops.apq.time-to-live=1h" })
class RedisStoreIntegrationTests {

	private static final RedisTestServer redis = RedisTestServer.launch();

	@LocalServerPort
	int port;

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
	}

	@Test
	void documentsWerePublishedIntoRedisUnderTheKeyPrefix() {
		assertThat(redis.<String>call((commands) -> commands.get("it:" + Documents.GREETING_ID)))
			.isEqualTo(Documents.GREETING);
		assertThat(redis.<String>call((commands) -> commands.get("it:ruby/" + Documents.GREETING_ID)))
			.isEqualTo(Documents.GREETING);
	}

	@Test
	void persistedQueryRunsFromRedis() {
		this.graphQl.post(Map.of("id", Documents.GREETING_ID, "variables", Map.of("name", "Redis")))
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, Redis!");
		this.graphQl.post(Map.of("operationId", Documents.GREETING_NAMESPACED))
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, world!");
	}

	@Test
	void apqRegistrationIsStoredInRedisWithTheConfiguredTimeToLive() {
		String text = "query RedisApq { greeting(name: \"apq\") }";
		String hash = AutomaticPersistedQueriesIntegrationTests.sha256(text);
		this.graphQl.post(AutomaticPersistedQueriesIntegrationTests.registration(text, hash))
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, apq!");
		assertThat(redis.<String>call((commands) -> commands.get("it:" + hash))).isEqualTo(text);
		assertThat(redis.<Long>call((commands) -> commands.pttl("it:" + hash))).isBetween(3_500_000L, 3_600_000L);
	}

	@Test
	void unknownIdIsNotFound() {
		this.graphQl.post(Map.of("id", "ffffffffffffffffffffffffffffffff"))
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryNotFound");
	}

	@Test
	void outageKeepsCachedOperationsAnsweringAndRecovers() {
		// Published documents were cached as they were saved; this one reaches Redis
		// another way.
		String uncached = "deployed-elsewhere";
		redis.call((commands) -> commands.set("it:" + uncached, Documents.GREETING));
		this.graphQl.post(Map.of("id", Documents.ECHO_ID, "variables", Map.of("value", 1)))
			.expectBody()
			.jsonPath("$.data.echo")
			.isEqualTo(1);
		redis.stop();
		try {
			this.graphQl.post(Map.of("id", Documents.ECHO_ID, "variables", Map.of("value", 2)))
				.expectBody()
				.jsonPath("$.data.echo")
				.isEqualTo(2);
			long started = System.nanoTime();
			this.graphQl.post(Map.of("operationId", uncached))
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("PERSISTED_QUERY_STORE_UNAVAILABLE")
				.jsonPath("$.errors[0].message")
				.value((message) -> assertThat((String) message).doesNotContain("Exception")
					.doesNotContain("redis://"));
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1500));
		}
		finally {
			redis.start();
		}
		// A local redis-server restarts empty: deploy the document again.
		redis.call((commands) -> commands.set("it:" + uncached, Documents.GREETING));
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(600))
			.untilAsserted(() -> this.graphQl.post(Map.of("operationId", uncached))
				.expectBody()
				.jsonPath("$.data.greeting")
				.isEqualTo("Hello, world!"));
	}

}
