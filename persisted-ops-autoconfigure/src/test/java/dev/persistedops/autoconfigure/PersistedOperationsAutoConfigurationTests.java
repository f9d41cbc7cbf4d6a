package dev.persistedops.autoconfigure;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.execution.GetOperationRule;
import dev.persistedops.execution.PersistedDocumentCache;
import dev.persistedops.execution.PersistedDocumentProvider;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.DocumentLoadException;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.memory.InMemoryOperationDocumentStore;
import dev.persistedops.web.GetRequestParameters;
import dev.persistedops.web.NonPersistedOperationOverride;
import dev.persistedops.web.OnlyPersistedPolicy;
import dev.persistedops.web.OnlyPersistedRSocketInterceptor;
import dev.persistedops.web.OperationIdResolver;
import dev.persistedops.web.PersistedOperationInterceptor;
import dev.persistedops.web.PersistedRequestBody;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.reactive.GraphQlWebFluxAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.servlet.GraphQlWebMvcAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedOperationsAutoConfiguration} and the HTTP edges it enables.
 */
class PersistedOperationsAutoConfigurationTests {

	private static final String FIXTURES = "classpath:/autoconfig-fixtures/";

	private static final String DOCUMENTS = "persisted-ops.store.filesystem.locations=" + FIXTURES + "documents/";

	private static final String GREETING_MD5 = "bb28b4361bbb1365763e710ce3071d70";

	private static final String ECHO_MD5 = "d75759690ca425a31ea923fbb5a584e9";

	private static final String TAMPERED_SHA256 = "7420949d383561875d216ad39c4da487de6ffb1b4dad2cbf2cdfedb5641a5a7b";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class,
				PersistedOperationsAutoConfiguration.class))
		.withPropertyValues(DOCUMENTS);

	private final WebApplicationContextRunner servletContextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class,
				GraphQlWebMvcAutoConfiguration.class, PersistedOperationsAutoConfiguration.class,
				PersistedOperationsWebMvcAutoConfiguration.class, PersistedOperationsWebFluxAutoConfiguration.class))
		.withPropertyValues(DOCUMENTS);

	private final ReactiveWebApplicationContextRunner reactiveContextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class,
				GraphQlWebFluxAutoConfiguration.class, PersistedOperationsAutoConfiguration.class,
				PersistedOperationsWebMvcAutoConfiguration.class, PersistedOperationsWebFluxAutoConfiguration.class))
		.withPropertyValues(DOCUMENTS);

	@Test
	void definesTheDefaultBeans() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(PersistedOperationInterceptor.class)
				.hasSingleBean(OperationIdResolver.class)
				.hasSingleBean(OnlyPersistedPolicy.class)
				.hasSingleBean(PersistedDocumentCache.class)
				.hasSingleBean(GetOperationRule.class)
				.hasSingleBean(PersistedRequestBody.class)
				.hasSingleBean(GetRequestParameters.class)
				.hasSingleBean(DocumentHasher.class);
			assertThat(context).getBean(OperationDocumentStore.class).isInstanceOf(DocumentCatalog.class);
			assertThat(context.getBean(OnlyPersistedPolicy.class).isOnlyPersisted()).isFalse();
			assertThat(context.getBean(DocumentHasher.class).algorithm()).isEqualTo(HashAlgorithm.MD5);
		});
	}

	@Test
	void filesystemStoreHoldsTheDocumentsOfTheConfiguredLocations() {
		this.contextRunner.run((context) -> assertThat(context.getBean(DocumentCatalog.class).ids())
			.containsExactlyInAnyOrder(GREETING_MD5, "web/hello"));
	}

	@Test
	void installsTheParseOnceProviderInGraphQl() {
		this.contextRunner.run((context) -> assertThat(
				context.getBean(GraphQlSource.class).graphQl().getPreparsedDocumentProvider())
			.isInstanceOf(PersistedDocumentProvider.class));
	}

	@Test
	void applicationPreparsedDocumentProviderBeanStillServesDocumentsThatWereNotPersisted() {
		AtomicInteger asked = new AtomicInteger();
		PreparsedDocumentProvider applicationProvider = (input, parseAndValidate) -> {
			asked.incrementAndGet();
			return CompletableFuture.completedFuture(parseAndValidate.apply(input));
		};
		this.contextRunner.withBean(PreparsedDocumentProvider.class, () -> applicationProvider).run((context) -> {
			GraphQL graphQl = context.getBean(GraphQlSource.class).graphQl();
			assertThat(graphQl.getPreparsedDocumentProvider()).isInstanceOf(PersistedDocumentProvider.class);
			graphQl.execute("{ greeting }");
			assertThat(asked).hasValue(1);
		});
	}

	@Test
	void guardsGraphQlOverRSocketWhenRSocketIsPresent() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(OnlyPersistedRSocketInterceptor.class));
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.rsocket"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(OnlyPersistedRSocketInterceptor.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("persisted-ops.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(PersistedOperationInterceptor.class)
				.doesNotHaveBean(OperationDocumentStore.class);
			assertThat(context.getBean(GraphQlSource.class).graphQl().getPreparsedDocumentProvider())
				.isNotInstanceOf(PersistedDocumentProvider.class);
		});
	}

	@Test
	void backsOffWithoutAGraphQlSchema() {
		this.contextRunner.withPropertyValues("spring.graphql.schema.locations=classpath:/no-such-schemas/")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PersistedOperationInterceptor.class));
	}

	@Test
	void backsOffWhenUserDefinesStore() {
		this.contextRunner.withUserConfiguration(UserStoreConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(OperationDocumentStore.class)
				.doesNotHaveBean(DocumentCatalog.class)
				.hasSingleBean(PersistedOperationInterceptor.class);
			assertThat(context.getBean(OperationDocumentStore.class))
				.isSameAs(context.getBean(UserStoreConfiguration.class).store);
		});
	}

	@Test
	void memoryStoreTypeDefinesAnInMemoryStore() {
		this.contextRunner.withPropertyValues("persisted-ops.store.type=memory").run((context) -> {
			assertThat(context).hasSingleBean(OperationDocumentStore.class).doesNotHaveBean(DocumentCatalog.class);
			assertThat(context).getBean(OperationDocumentStore.class).isInstanceOf(InMemoryOperationDocumentStore.class);
		});
	}

	@Test
	void manifestStoreTypeHoldsTheIdsOfTheManifest() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=manifest",
					"persisted-ops.store.manifest.locations=" + FIXTURES + "manifest.json")
			.run((context) -> {
				assertThat(context).hasSingleBean(OperationDocumentStore.class);
				assertThat(context.getBean(DocumentCatalog.class).ids()).containsExactlyInAnyOrder(ECHO_MD5,
						"ios/read");
			});
	}

	@Test
	void manifestStoreTypeWithoutLocationsFailsStartup() {
		this.contextRunner.withPropertyValues("persisted-ops.store.type=manifest").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(DocumentLoadException.class);
		});
	}

	@Test
	void unknownStoreTypeFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("persisted-ops.store.type=cassandra").run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			BindException bindFailure = causeOfType(failure, BindException.class);
			assertThat(bindFailure).as("cause of %s", failure).isNotNull();
			assertThat(bindFailure.getMessage()).contains("persisted-ops.store.type");
		});
	}

	@Test
	void missingFilesystemLocationFailsStartup() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.filesystem.locations=" + FIXTURES + "no-such-directory/")
			.run((context) -> {
				assertThat(context).hasFailed();
				DocumentLoadException loadFailure = causeOfType(context.getStartupFailure(),
						DocumentLoadException.class);
				assertThat(loadFailure).isNotNull();
				assertThat(loadFailure.isLocationProblem()).isTrue();
				assertThat(loadFailure.getMessage()).contains("no-such-directory");
			});
	}

	@Test
	void tamperedManifestEntryFailsStartupNamingTheEntry() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=manifest",
					"persisted-ops.store.manifest.locations=" + FIXTURES + "tampered-manifest.json")
			.run((context) -> {
				assertThat(context).hasFailed();
				DocumentLoadException loadFailure = causeOfType(context.getStartupFailure(),
						DocumentLoadException.class);
				assertThat(loadFailure).isNotNull();
				assertThat(loadFailure.isLocationProblem()).isFalse();
				assertThat(loadFailure.getMessage()).contains("tampered-manifest.json")
					.contains("operations[0]")
					.contains(TAMPERED_SHA256);
			});
	}

	@Test
	void tamperedManifestEntryStartsWhenMismatchesOnlyWarn() {
		this.contextRunner
			.withPropertyValues("persisted-ops.store.type=manifest",
					"persisted-ops.store.manifest.locations=" + FIXTURES + "tampered-manifest.json",
					"persisted-ops.hash.on-mismatch=warn")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(DocumentCatalog.class).ids()).containsExactly(TAMPERED_SHA256);
			});
	}

	@Test
	void onlyPersistedPropertyTurnsThePolicyOn() {
		this.contextRunner.withPropertyValues("persisted-ops.only-persisted=true")
			.run((context) -> assertThat(context.getBean(OnlyPersistedPolicy.class).isOnlyPersisted()).isTrue());
	}

	@Test
	void overrideBeanIsAskedByThePolicy() {
		this.contextRunner.withPropertyValues("persisted-ops.only-persisted=true")
			.withBean(NonPersistedOperationOverride.class, () -> (request) -> Mono.just(true))
			.run((context) -> assertThat(context.getBean(OnlyPersistedPolicy.class)
				.allowsDocument(request(Map.of("query", "{ greeting }")))
				.block(Duration.ofSeconds(5))).isTrue());
	}

	@Test
	void idConventionsPropertyLimitsWhereIdsAreRead() {
		this.contextRunner.withPropertyValues("persisted-ops.id-conventions=id,document-id").run((context) -> {
			OperationIdResolver resolver = context.getBean(OperationIdResolver.class);
			PersistedRequestBody body = context.getBean(PersistedRequestBody.class);
			assertThat(resolver.resolve(request(body.normalize(Map.of("documentId", "abc"))))).isNotNull();
			assertThat(body.normalize(Map.of("doc_id", "abc"))).doesNotContainKey("query");
			assertThat(resolver.resolve(request(Map.of("query", "{ greeting }", "extensions",
					Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", TAMPERED_SHA256)))))).isNull();
		});
	}

	@Test
	void mvcEdgeReplacesTheHttpHandlerInAServletApplication() {
		this.servletContextRunner.run((context) -> {
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
		this.servletContextRunner.withClassLoader(new FilteredClassLoader("org.springframework.web.socket",
				"jakarta.websocket", "org.springframework.graphql.server.webmvc.GraphQlWebSocketHandler"))
			.withPropertyValues("spring.graphql.websocket.path=/graphql")
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(dev.persistedops.web.servlet.PersistedOperationHttpHandler.class)
				.doesNotHaveBean("persistedOperationsWebSocketMapping"));
	}

	@Test
	void mvcEdgeMapsTheWebSocketPathWhenSpringWebSocketIsPresent() {
		this.servletContextRunner.withPropertyValues("spring.graphql.websocket.path=/graphql")
			.run((context) -> assertThat(context).hasNotFailed().hasBean("persistedOperationsWebSocketMapping"));
	}

	@Test
	void mvcEdgeBacksOffWhenUserDefinesGraphQlHttpHandler() {
		this.servletContextRunner.withUserConfiguration(UserMvcHttpHandlerConfiguration.class).run((context) -> {
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
		this.servletContextRunner.withPropertyValues("persisted-ops.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(org.springframework.graphql.server.webmvc.GraphQlHttpHandler.class)
				.doesNotHaveBean(dev.persistedops.web.servlet.PersistedOperationHttpHandler.class);
		});
	}

	@Test
	void webFluxEdgeReplacesTheHttpHandlerInAReactiveApplication() {
		this.reactiveContextRunner.run((context) -> {
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
		this.reactiveContextRunner.withUserConfiguration(UserWebFluxHttpHandlerConfiguration.class).run((context) -> {
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
		this.reactiveContextRunner.withPropertyValues("persisted-ops.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(org.springframework.graphql.server.webflux.GraphQlHttpHandler.class)
				.doesNotHaveBean(dev.persistedops.web.reactive.PersistedOperationHttpHandler.class);
		});
	}

	private static WebGraphQlRequest request(Map<String, Object> body) {
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null, Map.of(),
				body, "1", null);
	}

	private static <T extends Throwable> T causeOfType(Throwable failure, Class<T> type) {
		for (Throwable candidate = failure; candidate != null; candidate = candidate.getCause()) {
			if (type.isInstance(candidate)) {
				return type.cast(candidate);
			}
		}
		return null;
	}

	@Configuration(proxyBeanMethods = false)
	static class UserStoreConfiguration {

		final OperationDocumentStore store = (id) -> Mono.empty();

		@Bean
		OperationDocumentStore userStore() {
			return this.store;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMvcHttpHandlerConfiguration {

		@Bean
		org.springframework.graphql.server.webmvc.GraphQlHttpHandler userGraphQlHttpHandler(
				WebGraphQlHandler webGraphQlHandler) {
			return new org.springframework.graphql.server.webmvc.GraphQlHttpHandler(webGraphQlHandler);
		}

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
