package dev.persistedops.sample;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.persistedops.test.RedisTestServer;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Redis steps against a real Redis: publish with the publish profile, then
 * serve with the redis profile the same operations as with files.
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

	@Test
	void publishedOperationsAreServedFromRedis(CapturedOutput output) {
		String[] arguments = { "--REDIS_HOST=" + redis.host(), "--REDIS_PORT=" + redis.port() };
		PublishThenServe.publishTwice("redis", output, arguments);
		assertThat(redis.<String>call((commands) -> commands.get("persisted-ops:" + RunningSample.GET_BOOK)))
			.startsWith("query GetBook");
		PublishThenServe.serve("redis", (graphQl) -> {
		}, arguments);
	}

}
