package dev.persistedops.integration;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.persistedops.test.GraphQlTestClient;
import dev.persistedops.test.RedisSentinelTestServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis store through a real Redis Sentinel: when the master is killed and the
 * sentinel promotes the replica, cached documents keep answering throughout, documents
 * not cached fail fast during the failover and are served after it, with no restart.
 */
class RedisSentinelIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	@Test
	void failoverIsSurvivedWithoutARestart() {
		try (RedisSentinelTestServer sentinel = RedisSentinelTestServer.launch()) {
			sentinel.callMaster((redis) -> redis.set("persisted-ops:cached", "query Cached { greeting(name: \"c\") }"));
			sentinel
				.callMaster((redis) -> redis.set("persisted-ops:uncached", "query Uncached { greeting(name: \"u\") }"));
			// The replica has both documents before its master dies.
			sentinel.callMaster((redis) -> redis.waitForReplication(1, 5_000));
			List<String> arguments = new ArrayList<>(List.of("--server.port=0",
					"--spring.main.web-application-type=servlet", "--persisted-ops.store.type=redis",
					"--persisted-ops.store.timeout=" + TIMEOUT.toMillis() + "ms",
					"--persisted-ops.store.retry-interval=1s", "--spring.data.redis.timeout=5s"));
			for (String property : sentinel.springProperties()) {
				arguments.add("--" + property);
			}
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
				.run(arguments.toArray(String[]::new))) {
				GraphQlTestClient graphQl = new GraphQlTestClient(
						((WebServerApplicationContext) context).getWebServer().getPort());
				assertThat(body(graphQl, "cached")).contains("Hello, c!");

				sentinel.killMaster();
				int failures = 0;
				String uncached = null;
				Instant deadline = Instant.now().plusSeconds(60);
				while (uncached == null && Instant.now().isBefore(deadline)) {
					assertThat(body(graphQl, "cached")).contains("Hello, c!");
					long started = System.nanoTime();
					String body = body(graphQl, "uncached");
					if (body.contains("PERSISTED_QUERY_STORE_UNAVAILABLE")) {
						failures++;
						assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.plusSeconds(1));
					}
					else {
						assertThat(body).contains("Hello, u!");
						uncached = body;
					}
				}
				assertThat(uncached).as("the uncached document after the failover").isNotNull();
				assertThat(failures).as("lookups that failed fast during the failover").isPositive();
				assertThat(sentinel.isReplicaPromoted()).isTrue();
			}
		}
	}

	private static String body(GraphQlTestClient graphQl, String id) {
		return graphQl.post(Map.of("operationId", id))
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
	}

}
