package dev.persistedops.autoconfigure;

import java.util.Map;
import java.util.function.Supplier;

import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.execution.GetOperationRule;
import dev.persistedops.execution.OperationValidator;
import dev.persistedops.execution.PersistedDocumentCache;
import dev.persistedops.execution.PersistedDocumentProvider;
import dev.persistedops.execution.SafelistIndex;
import dev.persistedops.store.DocumentRegistry;
import dev.persistedops.store.ListableOperationDocumentStore;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.web.AutomaticPersistedQueries;
import dev.persistedops.web.ClientIdentityResolver;
import dev.persistedops.web.GetRequestParameters;
import dev.persistedops.web.GetResponseCachePolicy;
import dev.persistedops.web.GraphQlRequestReader;
import dev.persistedops.web.NonPersistedDocumentAuditor;
import dev.persistedops.web.NonPersistedOperationOverride;
import dev.persistedops.web.OnlyPersistedPolicy;
import dev.persistedops.web.OnlyPersistedRSocketInterceptor;
import dev.persistedops.web.OperationIdResolver;
import dev.persistedops.web.PersistedOperationInterceptor;
import dev.persistedops.web.PersistedOperationListener;
import dev.persistedops.web.PersistedRequestBody;
import dev.persistedops.web.SafelistLearningStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
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
			ObjectProvider<NonPersistedOperationOverride> overrides, ObjectProvider<SafelistIndex> safelist,
			ObjectProvider<NonPersistedDocumentAuditor> auditor) {
		return new OnlyPersistedPolicy(properties.enforcementMode(), overrides.orderedStream().toList(),
				safelist.getIfAvailable(), auditor.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	ClientIdentityResolver persistedOperationsClientIdentityResolver(PersistedOperationsProperties properties) {
		return properties.getClientIdentity().toResolver();
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
			OperationDocumentStore store, ObjectProvider<SafelistIndex> safelist) {
		DocumentRegistry registry = DocumentRegistry.over(store, properties.getRegistrations()::toMemoryStore);
		SafelistIndex index = safelist.getIfAvailable();
		return (index != null) ? SafelistLearningStore.around(registry, index) : registry;
	}

	@Bean
	@ConditionalOnMissingBean
	PersistedOperationInterceptor persistedOperationInterceptor(OperationIdResolver idResolver,
			DocumentRegistry registry, OnlyPersistedPolicy policy, GetOperationRule getRule,
			ObjectProvider<AutomaticPersistedQueries> apq, ClientIdentityResolver clientIdentities,
			ObjectProvider<PersistedOperationListener> listeners) {
		return new PersistedOperationInterceptor(idResolver, registry.lookups(), policy, getRule, apq.getIfAvailable(),
				clientIdentities, listeners.orderedStream().toList());
	}

	@Bean
	static PersistedOperationsStartupSummary persistedOperationsStartupSummary(PersistedOperationsProperties properties,
			OperationDocumentStore store, ObjectProvider<NonPersistedOperationOverride> overrides) {
		return new PersistedOperationsStartupSummary(properties, store, (int) overrides.stream().count());
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
	@ConditionalOnProperty(name = PersistedOperationsProperties.ENFORCEMENT_MODE, havingValue = "audit")
	static class AuditConfiguration {

		@Bean
		@ConditionalOnMissingBean
		NonPersistedDocumentAuditor persistedOperationsAuditor(PersistedOperationsProperties properties) {
			EnforcementProperties.Audit audit = properties.getEnforcement().getAudit();
			return new NonPersistedDocumentAuditor(audit.getLogInterval(), audit.getMaximumDocuments());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnProperty(name = PersistedOperationsProperties.ENFORCEMENT_MODE, havingValue = "safelist")
	static class SafelistConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SafelistIndex persistedOperationsSafelist(PersistedOperationsProperties properties,
				OperationDocumentStore store) {
			EnforcementProperties.Safelist safelist = properties.getEnforcement().getSafelist();
			Supplier<Map<String, String>> snapshot = (store instanceof ListableOperationDocumentStore listable)
					? listable::documents : Map::of;
			return new SafelistIndex(snapshot, safelist.getMaximumLearned(), safelist.getMaximumAnswerSize().toBytes());
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
