package dev.persistedops.autoconfigure;

import java.time.Duration;

import com.azure.storage.blob.BlobContainerAsyncClient;
import com.azure.storage.blob.BlobServiceAsyncClient;

import dev.persistedops.store.CachingOperationDocumentStore;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.ReloadingDocumentStore;
import dev.persistedops.store.RemoteStoreMonitor;
import dev.persistedops.store.ResilientOperationDocumentStore;
import dev.persistedops.store.WritableOperationDocumentStore;
import dev.persistedops.store.azure.AzureBlobOperationDocumentStore;
import dev.persistedops.store.memory.InMemoryOperationDocumentStore;
import dev.persistedops.store.redis.RedisOperationDocumentStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.ReactiveRedisConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

/**
 * One configuration per store type, imported by
 * {@link PersistedOperationsStoreAutoConfiguration}. Each backs off when the application
 * defines its own {@link OperationDocumentStore}. A remote store (Redis, Azure Blob) sits
 * behind a {@link ResilientOperationDocumentStore} and, in front of that, a
 * {@link CachingOperationDocumentStore}, and reports to a {@link RemoteStoreMonitor} bean
 * that health and metrics read.
 */
abstract class DocumentStoreConfigurations {

	private DocumentStoreConfigurations() {
	}

	private static CachingOperationDocumentStore remote(WritableOperationDocumentStore store,
			PersistedOperationsProperties properties, RemoteStoreMonitor monitor) {
		ResilientOperationDocumentStore resilient = new ResilientOperationDocumentStore(store,
				properties.getStore().toResilienceSettings(), monitor);
		resilient.startConnecting();
		return new CachingOperationDocumentStore(resilient, properties.getCache().toSettings());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnStoreType(StoreType.FILESYSTEM)
	@ConditionalOnMissingBean(OperationDocumentStore.class)
	static class Filesystem {

		@Bean
		@ConditionalOnBooleanProperty(name = StoreProperties.RELOAD_ENABLED, havingValue = false, matchIfMissing = true)
		DocumentCatalog persistedOperationsDocumentStore(PersistedOperationsProperties properties,
				DocumentCatalogs catalogs) {
			return catalogs.storeDirectories(properties.getStore().filesystemLocations());
		}

		@Bean
		@ConditionalOnBooleanProperty(StoreProperties.RELOAD_ENABLED)
		ReloadingDocumentStore persistedOperationsReloadingDocumentStore(PersistedOperationsProperties properties,
				DocumentCatalogs catalogs) {
			DocumentLocations locations = properties.getStore().filesystemLocations();
			return new ReloadingDocumentStore(() -> catalogs.reloadedStoreDirectories(locations),
					properties.getStore().reloadedPaths());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnStoreType(StoreType.MANIFEST)
	@ConditionalOnMissingBean(OperationDocumentStore.class)
	static class Manifest {

		@Bean
		@ConditionalOnBooleanProperty(name = StoreProperties.RELOAD_ENABLED, havingValue = false, matchIfMissing = true)
		DocumentCatalog persistedOperationsDocumentStore(PersistedOperationsProperties properties,
				DocumentCatalogs catalogs) {
			return catalogs.manifests(properties.getStore().manifestLocations());
		}

		@Bean
		@ConditionalOnBooleanProperty(StoreProperties.RELOAD_ENABLED)
		ReloadingDocumentStore persistedOperationsReloadingDocumentStore(PersistedOperationsProperties properties,
				DocumentCatalogs catalogs) {
			DocumentLocations locations = properties.getStore().manifestLocations();
			return new ReloadingDocumentStore(() -> catalogs.manifests(locations),
					properties.getStore().reloadedPaths());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnStoreType(StoreType.MEMORY)
	@ConditionalOnMissingBean(OperationDocumentStore.class)
	static class Memory {

		@Bean
		InMemoryOperationDocumentStore persistedOperationsDocumentStore() {
			return new InMemoryOperationDocumentStore();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnStoreType(StoreType.REDIS)
	@ConditionalOnClass(name = "org.springframework.data.redis.core.ReactiveStringRedisTemplate")
	@ConditionalOnMissingBean(OperationDocumentStore.class)
	static class Redis {

		@Bean
		RemoteStoreMonitor persistedOperationsRemoteStoreMonitor() {
			return new RemoteStoreMonitor(StoreType.REDIS.configName());
		}

		@Bean
		CachingOperationDocumentStore persistedOperationsDocumentStore(PersistedOperationsProperties properties,
				ReactiveRedisConnectionFactory connectionFactory, RemoteStoreMonitor monitor) {
			RedisOperationDocumentStore redis = new RedisOperationDocumentStore(
					new ReactiveStringRedisTemplate(connectionFactory),
					properties.getStore().getRedis().getKeyPrefix());
			return remote(redis, properties, monitor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnStoreType(StoreType.REDIS)
	@ConditionalOnMissingClass("org.springframework.data.redis.core.ReactiveStringRedisTemplate")
	@ConditionalOnMissingBean(OperationDocumentStore.class)
	static class RedisMissing {

		@Bean
		OperationDocumentStore persistedOperationsDocumentStore() {
			throw new InvalidConfigurationPropertyValueException(StoreProperties.TYPE, "redis",
					"Spring Data Redis is not on the classpath: add spring-boot-starter-data-redis");
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnStoreType(StoreType.AZURE_BLOB)
	@ConditionalOnClass(name = { "com.azure.storage.blob.BlobContainerAsyncClient",
			"com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder" })
	@ConditionalOnMissingBean(OperationDocumentStore.class)
	static class AzureBlob {

		/** How long startup waits to learn whether the container exists. */
		private static final Duration CONTAINER_CHECK_TIMEOUT = Duration.ofSeconds(10);

		@Bean
		RemoteStoreMonitor persistedOperationsRemoteStoreMonitor() {
			return new RemoteStoreMonitor(StoreType.AZURE_BLOB.configName());
		}

		@Bean
		CachingOperationDocumentStore persistedOperationsDocumentStore(PersistedOperationsProperties properties,
				ObjectProvider<BlobContainerAsyncClient> container, ObjectProvider<BlobServiceAsyncClient> service,
				RemoteStoreMonitor monitor) {
			StoreProperties.AzureBlob azure = properties.getStore().getAzureBlob();
			AzureBlobOperationDocumentStore store = new AzureBlobOperationDocumentStore(
					AzureBlobContainerClients.container(azure, container.getIfUnique(), service.getIfUnique()),
					azure.getBlobPrefix());
			store.checkContainer(azure.isCreateContainer(), CONTAINER_CHECK_TIMEOUT);
			return remote(store, properties, monitor);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnStoreType(StoreType.AZURE_BLOB)
	@ConditionalOnMissingClass({ "com.azure.storage.blob.BlobContainerAsyncClient",
			"com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder" })
	@ConditionalOnMissingBean(OperationDocumentStore.class)
	static class AzureBlobMissing {

		@Bean
		OperationDocumentStore persistedOperationsDocumentStore() {
			throw new InvalidConfigurationPropertyValueException(StoreProperties.TYPE, "azure-blob",
					"The Azure SDK is not on the classpath: add com.azure:azure-storage-blob and "
							+ "com.azure:azure-core-http-jdk-httpclient");
		}

	}

}
