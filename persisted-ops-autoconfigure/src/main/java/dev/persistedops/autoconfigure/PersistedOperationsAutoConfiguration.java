package dev.persistedops.autoconfigure;

import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.execution.GetOperationRule;
import dev.persistedops.execution.OperationValidator;
import dev.persistedops.execution.PersistedDocumentCache;
import dev.persistedops.execution.PersistedDocumentProvider;
import dev.persistedops.store.DocumentRegistry;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.web.AutomaticPersistedQueries;
import dev.persistedops.web.GetRequestParameters;
import dev.persistedops.web.GetResponseCachePolicy;
import dev.persistedops.web.GraphQlRequestReader;
import dev.persistedops.web.NonPersistedOperationOverride;
import dev.persistedops.web.OnlyPersistedPolicy;
import dev.persistedops.web.OnlyPersistedRSocketInterceptor;
import dev.persistedops.web.OperationIdResolver;
import dev.persistedops.web.PersistedOperationInterceptor;
import dev.persistedops.web.PersistedRequestBody;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.ConditionalOnGraphQlSchema;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Auto-configuration of persisted operations: the interceptor that swaps ids for stored
 * documents, only-persisted mode (also guarding GraphQL over RSocket), the parse-once
 * cache, automatic persisted queries, and where documents registered at run time go. The
 * store is configured by {@link PersistedOperationsStoreAutoConfiguration}, publishing by
 * {@link PersistedOperationsPublishingAutoConfiguration}, and the HTTP edges by
 * {@link PersistedOperationsWebMvcAutoConfiguration} and
 * {@link PersistedOperationsWebFluxAutoConfiguration}.
 */
@AutoConfiguration(after = { GraphQlAutoConfiguration.class, PersistedOperationsStoreAutoConfiguration.class })
@ConditionalOnClass({ GraphQL.class, WebGraphQlInterceptor.class })
@ConditionalOnGraphQlSchema
@ConditionalOnBooleanProperty(name = "persisted-ops.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PersistedOperationsProperties.class)
public final class PersistedOperationsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	OperationIdResolver persistedOperationsIdResolver(PersistedOperationsProperties properties) {
		return new OperationIdResolver(properties.getIdConventions());
	}

	@Bean
	@ConditionalOnMissingBean
	OnlyPersistedPolicy persistedOperationsOnlyPersistedPolicy(PersistedOperationsProperties properties,
			ObjectProvider<NonPersistedOperationOverride> overrides) {
		return new OnlyPersistedPolicy(properties.isOnlyPersisted(), overrides.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	PersistedDocumentCache persistedDocumentCache(PersistedOperationsProperties properties) {
		return new PersistedDocumentCache(properties.getParseCache().getMaximumSize(),
				properties.getParseCache().getMaximumBytes().toBytes());
	}

	@Bean
	@ConditionalOnMissingBean
	OperationValidator persistedOperationsOperationValidator(GraphQlSource graphQlSource) {
		return new OperationValidator(graphQlSource::schema);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	GraphQlSourceBuilderCustomizer persistedDocumentProviderCustomizer(PersistedDocumentCache cache,
			ObjectProvider<PreparsedDocumentProvider> applicationProvider) {
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl
			.preparsedDocumentProvider(new PersistedDocumentProvider(cache, applicationProvider.getIfUnique())));
	}

	@Bean
	@ConditionalOnMissingBean
	GetOperationRule persistedOperationsGetRule(PersistedDocumentCache cache) {
		return new GetOperationRule(cache);
	}

	@Bean
	@ConditionalOnMissingBean
	DocumentRegistry persistedOperationsDocumentRegistry(PersistedOperationsProperties properties,
			OperationDocumentStore store) {
		return DocumentRegistry.over(store, properties.getRegistrations()::toMemoryStore);
	}

	@Bean
	@ConditionalOnMissingBean
	PersistedOperationInterceptor persistedOperationInterceptor(OperationIdResolver idResolver,
			DocumentRegistry registry, OnlyPersistedPolicy policy, GetOperationRule getRule,
			ObjectProvider<AutomaticPersistedQueries> apq) {
		return new PersistedOperationInterceptor(idResolver, registry.lookups(), policy, getRule, apq.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	PersistedRequestBody persistedRequestBody(PersistedOperationsProperties properties) {
		return new PersistedRequestBody(properties.getIdConventions());
	}

	@Bean
	@ConditionalOnMissingBean
	GetRequestParameters persistedOperationsGetRequestParameters(ObjectProvider<JsonMapper> jsonMapper) {
		return new GetRequestParameters(jsonMapper.getIfAvailable(JsonMapper::shared));
	}

	@Bean
	@ConditionalOnMissingBean
	GraphQlRequestReader persistedOperationsRequestReader(PersistedOperationsProperties properties,
			PersistedRequestBody body, GetRequestParameters getParameters, ObjectProvider<JsonMapper> jsonMapper) {
		JsonMapper mapper = jsonMapper.getIfAvailable(JsonMapper::shared);
		return new GraphQlRequestReader(body, getParameters, properties.getHttp().toLimits(mapper), mapper);
	}

	@Bean
	@ConditionalOnMissingBean
	GetResponseCachePolicy persistedOperationsGetResponseCachePolicy(PersistedOperationsProperties properties,
			ObjectProvider<JsonMapper> jsonMapper) {
		return properties.getHttp().toCachePolicy(jsonMapper.getIfAvailable(JsonMapper::shared));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("persisted-ops.apq.enabled")
	static class AutomaticPersistedQueriesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AutomaticPersistedQueries persistedOperationsAutomaticPersistedQueries(PersistedOperationsProperties properties,
				DocumentRegistry registry, OperationValidator validator) {
			return new AutomaticPersistedQueries(registry.registrations(), properties.getApq().toSettings(), validator);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.rsocket.RSocket")
	static class RSocketConfiguration {

		@Bean
		@ConditionalOnMissingBean
		OnlyPersistedRSocketInterceptor persistedOperationsRSocketInterceptor(OnlyPersistedPolicy policy) {
			return new OnlyPersistedRSocketInterceptor(policy);
		}

	}

}
