package dev.persistedops.integration;

import java.util.List;

import org.junit.jupiter.api.AfterAll;

import dev.persistedops.test.RedisTestServer;

/**
 * {@link FrozenStoreWritesIntegrationTests} against a real Redis.
 */
class RedisFrozenStoreWritesIntegrationTests extends FrozenStoreWritesIntegrationTests {

	private static final RedisTestServer redis = RedisTestServer.launch();

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@Override
	List<String> storeProperties() {
		return List.of("persisted-ops.store.type=redis", "spring.data.redis.host=" + redis.host(),
				"spring.data.redis.port=" + redis.port());
	}

	@Override
	List<String> frozenAtStartProperties() {
		// Lettuce's own command timeout (60 s by default) bounds the handshake of a
		// connection opened to a store frozen before the start, which closing the
		// application waits for.
		return List.of("spring.data.redis.timeout=5s");
	}

	@Override
	void freeze() {
		redis.freeze();
	}

	@Override
	void thaw() {
		redis.thaw();
	}

}
