package dev.persistedops.integration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link StoreUnavailableHttpStatusIntegrationTests} on Spring MVC (Tomcat).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "persisted-ops.store.type=redis",
				"persisted-ops.store.timeout=500ms", "persisted-ops.store.retry-interval=2500ms" })
class WebMvcStoreUnavailableHttpStatusIntegrationTests extends StoreUnavailableHttpStatusIntegrationTests {

}
