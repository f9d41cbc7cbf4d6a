package dev.persistedops.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.reactive.GraphQlWebFluxAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedOperationsWebFluxAutoConfiguration}.
 */
class PersistedOperationsWebFluxAutoConfigurationTests {

	private static final String FIXTURES = "classpath:/autoconfig-fixtures/";

	private static final String DOCUMENTS = "persisted-ops.store.filesystem.locations=" + FIXTURES + "documents/";

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class,
				GraphQlWebFluxAutoConfiguration.class, PersistedOperationsStoreAutoConfiguration.class,
				PersistedOperationsAutoConfiguration.class, PersistedOperationsWebMvcAutoConfiguration.class,
				PersistedOperationsWebFluxAutoConfiguration.class))
		.withPropertyValues(DOCUMENTS);

	@Test
	void webFluxEdgeReplacesTheHttpHandlerInAReactiveApplication() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(org.springframework.graphql.server.webflux.GraphQlHttpHandler.class)
				.doesNotHaveBean(org.springframework.graphql.server.webmvc.GraphQlHttpHandler.class)
				.hasBean("persistedOperationsGetRouterFunction");
			assertThat(context).getBean(org.springframework.graphql.server.webflux.GraphQlHttpHandler.class)
				.isInstanceOf(dev.persistedops.web.reactive.PersistedOperationHttpHandler.class);
		});
	}

	@Test
	void webFluxEdgeBacksOffWhenUserDefinesGraphQlHttpHandler() {
		this.contextRunner.withUserConfiguration(UserWebFluxHttpHandlerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(org.springframework.graphql.server.webflux.GraphQlHttpHandler.class)
				.doesNotHaveBean(dev.persistedops.web.reactive.PersistedOperationHttpHandler.class)
				.doesNotHaveBean("persistedOperationsGetRouterFunction");
			assertThat(context).getBean(org.springframework.graphql.server.webflux.GraphQlHttpHandler.class)
				.isSameAs(context.getBean("userGraphQlHttpHandler"));
		});
	}

	@Test
	void webFluxEdgeBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues("persisted-ops.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(org.springframework.graphql.server.webflux.GraphQlHttpHandler.class)
				.doesNotHaveBean(dev.persistedops.web.reactive.PersistedOperationHttpHandler.class);
		});
	}

	@Test
	void webFluxEdgeRoutesOperationUrlsOnlyWhenEnabled() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean("persistedOperationsOperationUrlsRouterFunction")
			.hasSingleBean(dev.persistedops.web.reactive.GraphQlContentTypeFilter.class));
		this.contextRunner.withPropertyValues("persisted-ops.http.operation-urls.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("persistedOperationsOperationUrlsRouterFunction"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserWebFluxHttpHandlerConfiguration {

		@Bean
		org.springframework.graphql.server.webflux.GraphQlHttpHandler userGraphQlHttpHandler(
				WebGraphQlHandler webGraphQlHandler) {
			return new org.springframework.graphql.server.webflux.GraphQlHttpHandler(webGraphQlHandler);
		}

	}

}
