package dev.persistedops.integration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link AuditIntegrationTests} on WebFlux (Netty).
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "spring.graphql.websocket.path=/graphql",
				"persisted-ops.enforcement.mode=audit" })
class WebFluxAuditIntegrationTests extends AuditIntegrationTests {

}
