package dev.persistedops.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.persistedops.observability.OperationUsage;
import dev.persistedops.observability.PersistedOperationsEndpoint;
import dev.persistedops.observability.PersistedOperationsInfoContributor;
import dev.persistedops.web.PersistedOperationInterceptor;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.info.InfoContributorAutoConfiguration;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedOperationsEndpointAutoConfiguration}.
 */
class PersistedOperationsEndpointAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class,
				EndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
				InfoContributorAutoConfiguration.class, PersistedOperationsStoreAutoConfiguration.class,
				PersistedOperationsAutoConfiguration.class, PersistedOperationsEndpointAutoConfiguration.class))
		.withPropertyValues("persisted-ops.store.filesystem.locations=classpath:/autoconfig-fixtures/documents/");

	@Test
	void endpointIsOffTheWebAndUsageIsNotTrackedUnlessExposed() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean(PersistedOperationsEndpoint.class)
			.doesNotHaveBean(OperationUsage.class));
	}

	@Test
	void exposedEndpointListsTheStoreAndTheInterceptorFeedsItsUsage() {
		this.contextRunner
			.withPropertyValues("management.endpoints.web.exposure.include=persistedoperations",
					"persisted-ops.usage.maximum-operations=50")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(PersistedOperationsEndpoint.class);
				assertThat(context.getBean(OperationUsage.class).maximumOperations()).isEqualTo(50);
				PersistedOperationsEndpoint endpoint = context.getBean(PersistedOperationsEndpoint.class);
				assertThat(endpoint.operations(null, null).source()).isEqualTo("file");
				assertThat(endpoint.operations(null, null).operations()).hasSize(2);
				assertThat(context.getBean(PersistedOperationInterceptor.class)).extracting("listeners")
					.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
					.contains(context.getBean(OperationUsage.class));
			});
	}

	@Test
	void infoSaysTheStoreTheModeAndTheDocumentCount() {
		this.contextRunner.withPropertyValues("persisted-ops.enforcement.mode=audit").run((context) -> {
			Info.Builder info = new Info.Builder();
			context.getBean(PersistedOperationsInfoContributor.class).contribute(info);
			assertThat(info.build().getDetails()).containsEntry("persistedOperations",
					Map.of("store", "filesystem", "mode", "audit", "documents", 2));
		});
	}

	@Test
	void infoContributorCanBeDisabled() {
		this.contextRunner.withPropertyValues("management.info.persistedoperations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PersistedOperationsInfoContributor.class));
	}

	@Test
	void backsOffWithoutActuator() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class,
					PersistedOperationsStoreAutoConfiguration.class, PersistedOperationsAutoConfiguration.class,
					PersistedOperationsEndpointAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.withPropertyValues("management.endpoints.web.exposure.include=*")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PersistedOperationInterceptor.class)
				.doesNotHaveBean(PersistedOperationsEndpoint.class)
				.doesNotHaveBean(PersistedOperationsInfoContributor.class));
	}

}
