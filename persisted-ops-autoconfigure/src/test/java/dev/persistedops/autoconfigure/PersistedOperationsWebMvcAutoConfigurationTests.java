package dev.persistedops.autoconfigure;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.servlet.GraphQlWebMvcAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedOperationsWebMvcAutoConfiguration}.
 */
class PersistedOperationsWebMvcAutoConfigurationTests {

	private static final String FIXTURES = "classpath:/autoconfig-fixtures/";

	private static final String DOCUMENTS = "persisted-ops.store.filesystem.locations=" + FIXTURES + "documents/";

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class,
				GraphQlWebMvcAutoConfiguration.class, PersistedOperationsStoreAutoConfiguration.class,
				PersistedOperationsAutoConfiguration.class, PersistedOperationsWebMvcAutoConfiguration.class,
				PersistedOperationsWebFluxAutoConfiguration.class))
		.withPropertyValues(DOCUMENTS);

	@Test
	void mvcEdgeReplacesTheHttpHandlerInAServletApplication() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(org.springframework.graphql.server.webmvc.GraphQlHttpHandler.class)
				.doesNotHaveBean(org.springframework.graphql.server.webflux.GraphQlHttpHandler.class)
				.hasBean("persistedOperationsGetRouterFunction");
			assertThat(context).getBean(org.springframework.graphql.server.webmvc.GraphQlHttpHandler.class)
				.isInstanceOf(dev.persistedops.web.servlet.PersistedOperationHttpHandler.class);
		});
	}

	@Test
	void mvcEdgeStartsWithoutSpringWebSocketOnTheClasspath() {
		this.contextRunner
			.withClassLoader(new FilteredClassLoader("org.springframework.web.socket", "jakarta.websocket",
					"org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler"))
			.withPropertyValues("spring.graphql.websocket.path=/graphql")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(dev.persistedops.web.servlet.PersistedOperationHttpHandler.class)
				.doesNotHaveBean("persistedOperationsWebSocketMapping"));
	}

	@Test
	void mvcEdgeMapsTheWebSocketPathWhenSpringWebSocketIsPresent() {
		this.contextRunner.withPropertyValues("spring.graphql.websocket.path=/graphql")
			.run((context) -> assertThat(context).hasNotFailed().hasBean("persistedOperationsWebSocketMapping"));
	}

	@Test
	void mvcEdgeBacksOffWhenUserDefinesGraphQlHttpHandler() {
		this.contextRunner.withUserConfiguration(UserMvcHttpHandlerConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(org.springframework.graphql.server.webmvc.GraphQlHttpHandler.class)
				.doesNotHaveBean(dev.persistedops.web.servlet.PersistedOperationHttpHandler.class)
				.doesNotHaveBean("persistedOperationsGetRouterFunction");
			assertThat(context).getBean(org.springframework.graphql.server.webmvc.GraphQlHttpHandler.class)
				.isSameAs(context.getBean("userGraphQlHttpHandler"));
		});
	}

	@Test
	void mvcEdgeBacksOffWhenDisabled() {
		this.contextRunner.withPropertyValues("persisted-ops.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(org.springframework.graphql.server.webmvc.GraphQlHttpHandler.class)
				.doesNotHaveBean(dev.persistedops.web.servlet.PersistedOperationHttpHandler.class);
		});
	}

	@Test
	void mvcEdgeRoutesOperationUrlsOnlyWhenEnabled() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed()
			.doesNotHaveBean("persistedOperationsOperationUrlsRouterFunction")
			.hasSingleBean(dev.persistedops.web.servlet.GraphQlContentTypeFilter.class));
		this.contextRunner.withPropertyValues("persisted-ops.http.operation-urls.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasBean("persistedOperationsOperationUrlsRouterFunction"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserMvcHttpHandlerConfiguration {

		@Bean
		org.springframework.graphql.server.webmvc.GraphQlHttpHandler userGraphQlHttpHandler(
				WebGraphQlHandler webGraphQlHandler) {
			return new org.springframework.graphql.server.webmvc.GraphQlHttpHandler(webGraphQlHandler);
		}

	}

}
