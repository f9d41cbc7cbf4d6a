package dev.persistedops.integration;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.persistedops.test.GraphQlTestClient;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application whose Redis is down when it starts neither hangs nor fails: it starts,
 * and answers lookups with PERSISTED_QUERY_STORE_UNAVAILABLE until Redis is back.
 */
class RedisDownAtStartupTests {

	@Test
	void startsAndAnswersStoreUnavailable() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		long started = System.nanoTime();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class).run(
				"--server.port=0", "--spring.main.web-application-type=servlet", "--persisted-ops.store.type=redis",
				"--spring.data.redis.port=" + closedPort, "--persisted-ops.store.timeout=500ms")) {
			assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			new GraphQlTestClient(port).post(Map.of("id", Documents.GREETING_ID))
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.errors[0].extensions.code")
				.isEqualTo("PERSISTED_QUERY_STORE_UNAVAILABLE");
		}
	}

}
