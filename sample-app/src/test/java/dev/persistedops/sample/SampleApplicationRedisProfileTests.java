package dev.persistedops.sample;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
 * The README's Redis steps against a real Redis: publish with the publish profile, then serve
 * with the redis profile the same operations as with files.
 */
@ExtendWith(OutputCaptureExtension.class)
class SampleApplicationRedisProfileTests {

	private static RedisTestServer redis;

	@BeforeAll
	static void startRedis() {
		redis = RedisTestServer.launch();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	private static String[] redisArguments() {
		return new String[] { "--REDIS_HOST=" + redis.host(), "--REDIS_PORT=" + redis.port() };
	}

	@Test
	void publishedOperationsAreServedFromRedis(CapturedOutput output) {
		new SpringApplicationBuilder(SampleApplication.class).profiles("redis", "publish").run(redisArguments()).close();
		assertThat(output).contains("Published 5 persisted documents: 5 created, 0 unchanged, 0 in conflict");
		new SpringApplicationBuilder(SampleApplication.class).profiles("redis", "publish").run(redisArguments()).close();
		assertThat(output).contains("Published 5 persisted documents: 0 created, 5 unchanged, 0 in conflict");
		assertThat(redis.<String>call((commands) -> commands.get("persisted-ops:" + RunningSample.GET_BOOK)))
			.startsWith("query GetBook");

		String[] arguments = { "--server.port=0", "--REDIS_HOST=" + redis.host(), "--REDIS_PORT=" + redis.port() };
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SampleApplication.class)
			.profiles("redis")
			.run(arguments)) {
			GraphQlTestClient graphQl = new GraphQlTestClient(
					((WebServerApplicationContext) context).getWebServer().getPort());
			graphQl.post(Map.of("id", RunningSample.GET_BOOK, "variables", Map.of("id", "1")))
				.expectBody()
				.jsonPath("$.data.book.title")
				.isEqualTo("The Left Hand of Darkness");
			graphQl.post(Map.of("operationId", RunningSample.GET_BOOK_IOS, "variables", Map.of("id", "3")))
				.expectBody()
				.jsonPath("$.data.book.title")
				.isEqualTo("Kindred");
			graphQl.get(Map.of("documentId", "sha256:" + RunningSample.LIST_BOOKS, "variables", "{\"first\":2}"))
				.expectBody()
				.jsonPath("$.data.books.length()")
				.isEqualTo(2);
		}
	}

}
