package dev.persistedops.integration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link PublishingEndpointsIntegrationTests} on Spring WebFlux (Reactor Netty).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "persisted-ops.store.type=redis",
				"persisted-ops.store.redis.key-prefix=flux:", "persisted-ops.relay.enabled=true",
				PublishingEndpointsIntegrationTests.PROPERTIES_RELAY_TOKEN,
				"persisted-ops.operation-store.enabled=true",
				"persisted-ops.operation-store.clients.ios.secrets=ios-secret-1,ios-secret-2",
				"management.endpoints.web.exposure.include=persistedoperations" })
class WebFluxPublishingEndpointsIntegrationTests extends PublishingEndpointsIntegrationTests {

}
