package dev.persistedops.integration;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;

import dev.persistedops.test.RedisTestServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An outage of a real Redis (frozen) under 100 requests a second for documents not cached
 * is logged once, in one line, and its end once: no line per request, no stack trace. The
 * outage lasts {@code persisted-ops.test.outage-seconds}: 60 by default, as the
 * acceptance asks, several retry intervals.
 */
@ExtendWith(OutputCaptureExtension.class)
class StoreOutageLoggingIntegrationTests {

	private static final int REQUESTS_PER_SECOND = 100;

	private static final RedisTestServer redis = RedisTestServer.launch();

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@Test
	void outageUnderLoadIsLoggedOnceAndItsEndOnce(CapturedOutput output) {
		int seconds = Integer.getInteger("persisted-ops.test.outage-seconds", 60);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class).run(
				"--server.port=0", "--spring.main.web-application-type=servlet", "--persisted-ops.store.type=redis",
				"--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port())) {
			WebClient client = WebClient
				.create("http://localhost:" + ((WebServerApplicationContext) context).getWebServer().getPort());
			lookUp(client, "before").blockLast(Duration.ofSeconds(10));
			int logged = output.length();
			redis.freeze();
			List<String> answers;
			try {
				answers = Flux.interval(Duration.ofMillis(1000 / REQUESTS_PER_SECOND))
					.take((long) seconds * REQUESTS_PER_SECOND)
					.flatMap((i) -> lookUp(client, "uncached-" + i), 512)
					.collectList()
					.block(Duration.ofSeconds(seconds + 30));
			}
			finally {
				redis.thaw();
			}
			assertThat(answers).hasSize(seconds * REQUESTS_PER_SECOND)
				.allMatch((answer) -> answer.contains("PERSISTED_QUERY_STORE_UNAVAILABLE"));
			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(500))
				.until(() -> lookUp(client, "after").blockLast(Duration.ofSeconds(10)).contains("NOT_FOUND"));
			List<String> lines = output.toString().substring(logged).lines().toList();
			List<String> aboveDebug = lines.stream()
				.filter((line) -> line.matches(".*\\s(INFO|WARN|ERROR)\\s.*"))
				.toList();
			assertThat(aboveDebug).hasSizeLessThanOrEqualTo(3)
				.anyMatch((line) -> line.contains("WARN") && line.contains("store is unavailable"))
				.anyMatch((line) -> line.contains("INFO") && line.contains("answers again"));
			assertThat(lines).noneMatch((line) -> line.startsWith("\tat ") || line.startsWith("Caused by"));
		}
	}

	private static Flux<String> lookUp(WebClient client, String id) {
		return client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("id", id))
			.retrieve()
			.bodyToFlux(String.class);
	}

}
