package dev.persistedops.integration;

import java.time.Duration;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * {@link SlowClientIntegrationTests} on Spring WebFlux (Reactor Netty). Spring Boot has
 * no property for Reactor Netty's read timeout ({@code server.netty.idle-timeout} only
 * applies between requests), so it is set with a {@link NettyServerCustomizer}, as the
 * README shows.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=reactive", "server.netty.idle-timeout=1s" })
@Import(WebFluxSlowClientIntegrationTests.ReadTimeout.class)
class WebFluxSlowClientIntegrationTests extends SlowClientIntegrationTests {

	@TestConfiguration(proxyBeanMethods = false)
	static class ReadTimeout {

		@Bean
		NettyServerCustomizer readTimeout() {
			return (server) -> server.readTimeout(Duration.ofSeconds(1));
		}

	}

}
