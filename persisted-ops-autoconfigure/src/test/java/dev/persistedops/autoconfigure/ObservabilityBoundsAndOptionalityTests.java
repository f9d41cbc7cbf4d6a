package dev.persistedops.autoconfigure;

import java.net.URI;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import dev.persistedops.observability.OperationUsage;
import dev.persistedops.observability.PersistedOperationMetrics;
import dev.persistedops.observability.PersistedOperationUsageMetrics;
import dev.persistedops.web.PersistedOperationInterceptor;
import dev.persistedops.web.PersistedRequestBody;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.observation.GraphQlObservationAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.servlet.GraphQlWebMvcAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.graphql.ExecutionGraphQlResponse;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics and the usage table stay within their bounds whatever clients send, and the
 * starter works as before without Micrometer and Actuator: requests through the real
 * {@link WebGraphQlHandler}, the starter's interceptor and a real meter registry.
 */
class ObservabilityBoundsAndOptionalityTests {

	private static final String GREETING = "bb28b4361bbb1365763e710ce3071d70";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class,
				GraphQlWebMvcAutoConfiguration.class, GraphQlObservationAutoConfiguration.class,
				EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				InfoContributorAutoConfiguration.class, PersistedOperationsStoreAutoConfiguration.class,
				PersistedOperationsAutoConfiguration.class, PersistedOperationsMetricsAutoConfiguration.class,
				PersistedOperationsObservationAutoConfiguration.class,
				PersistedOperationsEndpointAutoConfiguration.class, PersistedOperationsHealthAutoConfiguration.class))
		.withUserConfiguration(GreetingController.class)
		.withPropertyValues("persisted-ops.store.filesystem.locations=classpath:/autoconfig-fixtures/documents/");

	@Test
	void aHundredThousandClientNamesAndUnknownIdsGrowNeitherTheRegistryNorTheUsageTable() {
		this.contextRunner.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("management.endpoints.web.exposure.include=persistedoperations",
					"persisted-ops.metrics.maximum-client-names=10", "persisted-ops.usage.maximum-operations=50")
			.run((context) -> {
				MeterRegistry registry = context.getBean(MeterRegistry.class);
				OperationUsage usage = context.getBean(OperationUsage.class);
				WebGraphQlHandler handler = context.getBean(WebGraphQlHandler.class);
				assertThat(data(handler, GREETING, "first-client")).isEqualTo(Map.of("greeting", "Hello, world!"));
				int metersAtStart = 0;
				int largestUsage = 0;
				for (int i = 0; i < 100_000; i++) {
					ExecutionGraphQlResponse response = handle(handler, "unknown-" + i, "client-" + i);
					assertThat(response.getErrors()).hasSize(1);
					if (i == 1_000) {
						metersAtStart = registry.getMeters().size();
					}
					largestUsage = Math.max(largestUsage, usage.size());
				}
				assertThat(registry.getMeters()).hasSize(metersAtStart);
				assertThat(registry.find(PersistedOperationMetrics.METER).counters())
					.extracting((counter) -> counter.getId().getTag("client"))
					.hasSizeLessThanOrEqualTo(12)
					.contains("other", "first-client");
				assertThat(registry.get(PersistedOperationMetrics.METER)
					.tags("outcome", "not_found", "client", "other")
					.counter()
					.count()).isEqualTo(100_000 - 9);
				assertThat(registry.find(PersistedOperationUsageMetrics.METER).counters())
					.extracting((counter) -> counter.getId().getTag("operation"))
					.containsExactlyInAnyOrder(GREETING, "web/hello");
				assertThat(largestUsage).isEqualTo(1);
				assertThat(usage.usageOf(GREETING)).isNotNull();
				assertThat(usage.dropped()).isZero();
			});
	}

	@Test
	void withoutMicrometerOrActuatorTheStarterServesAsBefore() {
		// Spring Boot's own Actuator auto-configurations are left out: without Actuator
		// an application does not have them.
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class,
					GraphQlWebMvcAutoConfiguration.class, GraphQlObservationAutoConfiguration.class,
					PersistedOperationsStoreAutoConfiguration.class, PersistedOperationsAutoConfiguration.class,
					PersistedOperationsMetricsAutoConfiguration.class,
					PersistedOperationsObservationAutoConfiguration.class,
					PersistedOperationsEndpointAutoConfiguration.class,
					PersistedOperationsHealthAutoConfiguration.class))
			.withUserConfiguration(GreetingController.class)
			.withPropertyValues("persisted-ops.store.filesystem.locations=classpath:/autoconfig-fixtures/documents/")
			// Micrometer's observation API stays: hiding it behind a filter breaks Spring
			// for
			// GraphQL's context propagation, which finds it through a service file.
			.withClassLoader(new FilteredClassLoader("io.micrometer.core", "org.springframework.boot.actuate",
					"org.springframework.boot.health"))
			.withPropertyValues("management.endpoints.web.exposure.include=*")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(PersistedOperationInterceptor.class)
					.doesNotHaveBean(PersistedOperationMetrics.class)
					.doesNotHaveBean(OperationUsage.class)
					.doesNotHaveBean("persistedOperationsHealthIndicator");
				WebGraphQlHandler handler = context.getBean(WebGraphQlHandler.class);
				assertThat(data(handler, GREETING, "ios")).isEqualTo(Map.of("greeting", "Hello, world!"));
				assertThat(handle(handler, "unknown", "ios").getErrors()).singleElement()
					.satisfies((error) -> assertThat(error.getMessage()).isEqualTo("PersistedQueryNotFound"));
			});
	}

	@Controller
	static class GreetingController {

		@QueryMapping
		String greeting(@Argument String name) {
			return "Hello, " + name + "!";
		}

	}

	private static Object data(WebGraphQlHandler handler, String id, String client) {
		return handle(handler, id, client).getData();
	}

	private static ExecutionGraphQlResponse handle(WebGraphQlHandler handler, String id, String client) {
		HttpHeaders headers = new HttpHeaders();
		headers.add("apollographql-client-name", client);
		WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"), headers, null, null,
				Map.of(),
				Map.of("query", PersistedRequestBody.PLACEHOLDER_DOCUMENT, "extensions", Map.of("operationId", id)),
				"1", null);
		return handler.handleRequest(request).block();
	}

}
