package dev.persistedops.autoconfigure;

import java.net.URI;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.persistedops.observability.PersistedOperationMetrics;
import dev.persistedops.observability.PersistedOperationUsageMetrics;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.web.PersistedOperationInterceptor;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedOperationsMetricsAutoConfiguration}.
 */
class PersistedOperationsMetricsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class,
				PersistedOperationsStoreAutoConfiguration.class, PersistedOperationsAutoConfiguration.class,
				PersistedOperationsMetricsAutoConfiguration.class))
		.withPropertyValues("persisted-ops.store.filesystem.locations=classpath:/autoconfig-fixtures/documents/");

	@Test
	void countsTheInterceptorsDecisionsWhenAMeterRegistryIsPresent() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new).run((context) -> {
			assertThat(context).hasSingleBean(PersistedOperationMetrics.class);
			PersistedOperationInterceptor interceptor = context.getBean(PersistedOperationInterceptor.class);
			// The chain ends here: what matters is the decision counted on the way.
			interceptor.intercept(request(Map.of("query", "{ greeting }")), (request) -> Mono.empty()).block();
			assertThat(context.getBean(MeterRegistry.class)
				.get(PersistedOperationMetrics.METER)
				.tags("outcome", "sent", "transport", "http", "client", "unknown")
				.counter()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void doesNotListAStoreWhoseFilesAreFoundById() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("persisted-ops.store.filesystem.read=on-first-use-unlisted")
			.run((context) -> {
				assertThat(context).hasSingleBean(PersistedOperationUsageMetrics.class);
				assertThat(context.getBean(DocumentCatalog.class).isListed()).isFalse();
			});
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		this.contextRunner
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PersistedOperationMetrics.class));
	}

	@Test
	void startsWithoutMicrometerOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.micrometer.core"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PersistedOperationInterceptor.class)
				.doesNotHaveBean(PersistedOperationMetrics.class));
	}

	private static WebGraphQlRequest request(Map<String, Object> body) {
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null, Map.of(),
				body, "1", null);
	}

}
