package dev.persistedops.autoconfigure;

import graphql.GraphQL;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.store.OperationDocumentStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.ConditionalOnGraphQlSchema;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.graphql.server.WebGraphQlInterceptor;

/**
 * Auto-configuration of the {@link OperationDocumentStore} that persisted documents are
 * looked up in, chosen with {@code persisted-ops.store.type} (one configuration per type,
 * in {@link DocumentStoreConfigurations}), and of how documents are hashed and loaded
 * from directories and manifests. Backs off when the application defines its own store.
 */
@AutoConfiguration(after = GraphQlAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration")
@ConditionalOnClass({ GraphQL.class, WebGraphQlInterceptor.class })
@ConditionalOnGraphQlSchema
@ConditionalOnBooleanProperty(name = "persisted-ops.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PersistedOperationsProperties.class)
@Import({ DocumentStoreConfigurations.Filesystem.class, DocumentStoreConfigurations.Manifest.class,
		DocumentStoreConfigurations.Memory.class, DocumentStoreConfigurations.Redis.class,
		DocumentStoreConfigurations.RedisMissing.class, DocumentStoreConfigurations.AzureBlob.class,
		DocumentStoreConfigurations.AzureBlobMissing.class })
public final class PersistedOperationsStoreAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DocumentHasher persistedOperationsDocumentHasher(PersistedOperationsProperties properties) {
		return new DocumentHasher(properties.getHash().getAlgorithm(), properties.getHash().getEncoding());
	}

	@Bean
	DocumentCatalogs persistedOperationsDocumentCatalogs(PersistedOperationsProperties properties,
			ResourcePatternResolver resolver, ObjectProvider<JsonMapper> jsonMapper, DocumentHasher hasher) {
		return new DocumentCatalogs(resolver, jsonMapper.getIfAvailable(JsonMapper::shared), hasher,
				properties.getHash().getOnMismatch(), properties.getStore().getFilesystem().getRead());
	}

}
