package dev.persistedops.sample;

import org.junit.jupiter.api.BeforeEach;

import dev.persistedops.test.GraphQlTestClient;
import dev.persistedops.test.RedisTestServer;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample app as the client build tools reach it: its redis and build-endpoints
 * profiles, on a real Redis (one for every test class that extends this one).
 */
@ActiveProfiles({ "redis", "build-endpoints" })
abstract class BuildEndpointsOnRedis {

	private static final RedisTestServer redis = RedisTestServer.launch();

	@LocalServerPort
	int port;

	GraphQlTestClient graphQl;

	@DynamicPropertySource
	static void redisProperties(DynamicPropertyRegistry registry) {
		registry.add("REDIS_HOST", redis::host);
		registry.add("REDIS_PORT", redis::port);
	}

	@BeforeEach
	void createClient() {
		this.graphQl = new GraphQlTestClient(this.port);
	}

}
