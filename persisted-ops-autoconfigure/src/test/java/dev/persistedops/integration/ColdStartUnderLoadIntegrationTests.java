package dev.persistedops.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.persistedops.test.GraphQlTestClient;
import dev.persistedops.test.RedisTestServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application starting while another process spins on every core opens its Redis
 * connection at startup (with a {@code PING}), so the first lookup, sent as soon as the
 * application is started, succeeds within the default timeout and the outage gate is
 * never opened by connection setup.
 */
@ExtendWith(OutputCaptureExtension.class)
class ColdStartUnderLoadIntegrationTests {

	private static final RedisTestServer redis = RedisTestServer.launch();

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@Test
	void firstLookupAfterAStartUnderLoadSucceeds(CapturedOutput output) {
		redis.call((commands) -> commands.set("persisted-ops:cold", "query Cold { greeting(name: \"cold\") }"));
		redis.resetStats();
		List<Process> hogs = new ArrayList<>();
		try {
			for (int i = 0; i < Runtime.getRuntime().availableProcessors(); i++) {
				hogs.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
			}
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class).run(
					"--server.port=0", "--spring.main.web-application-type=servlet", "--persisted-ops.store.type=redis",
					"--spring.data.redis.host=" + redis.host(), "--spring.data.redis.port=" + redis.port())) {
				// The first request is sent as soon as the application is started.
				new GraphQlTestClient(((WebServerApplicationContext) context).getWebServer().getPort())
					.post(Map.of("operationId", "cold"))
					.expectBody()
					.jsonPath("$.data.greeting")
					.isEqualTo("Hello, cold!");
				// The application opened its connection on its own, with a PING.
				assertThat(redis.commandCalls("ping")).isPositive();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			hogs.forEach(Process::destroyForcibly);
		}
		assertThat(output).doesNotContain("store is unavailable");
	}

}
