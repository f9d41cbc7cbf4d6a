package dev.persistedops.integration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The HTTP edge's tests on Spring MVC (Tomcat), with cache headers and per-operation URLs
 * on; one application context for all of them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "spring.graphql.websocket.path=/graphql",
				"persisted-ops.http.operation-urls.enabled=true",
				"persisted-ops.http.cache.cache-control=public, max-age=60",
				"persisted-ops.http.cache.vary=Accept-Language",
				// Tomcat reads (and drops) what is left of a refused body before it
				// closes, so
				// that the client reads its 413 rather than a reset: as the README
				// advises.
				"server.tomcat.max-swallow-size=16MB" })
@interface WebMvcEdgeTest {

}
