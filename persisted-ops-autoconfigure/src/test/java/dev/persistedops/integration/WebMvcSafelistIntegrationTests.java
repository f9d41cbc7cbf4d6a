package dev.persistedops.integration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link SafelistIntegrationTests} on Spring MVC (Tomcat).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "spring.graphql.websocket.path=/graphql",
				"persisted-ops.enforcement.mode=safelist" })
class WebMvcSafelistIntegrationTests extends SafelistIntegrationTests {

}
