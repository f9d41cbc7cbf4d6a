package dev.persistedops.integration;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * {@link SlowClientIntegrationTests} on Spring MVC (Tomcat), with Spring Boot's
 * {@code server.tomcat.connection-timeout}, which Tomcat applies to every read of a body.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "server.tomcat.connection-timeout=1s" })
class WebMvcSlowClientIntegrationTests extends SlowClientIntegrationTests {

}
