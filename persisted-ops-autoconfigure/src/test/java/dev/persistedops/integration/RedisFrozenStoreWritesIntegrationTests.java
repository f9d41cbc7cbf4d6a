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
		// Lettuce's own timeout bounds a connection that cannot be opened (the store
		// frozen before the start), which closing the application waits for.
		return List.of("persisted-ops.store.type=redis", "spring.data.redis.host=" + redis.host(),
				"spring.data.redis.port=" + redis.port(), "spring.data.redis.timeout=5s");
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
