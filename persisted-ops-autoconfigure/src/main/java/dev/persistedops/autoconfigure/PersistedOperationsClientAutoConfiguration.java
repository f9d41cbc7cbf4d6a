package dev.persistedops.autoconfigure;

import dev.persistedops.client.PersistedOperationsConfigurer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Auto-configuration of the client side of persisted operations, when
 * {@code persisted-ops-client} is on the classpath: a
 * {@link PersistedOperationsConfigurer} from {@code persisted-ops.client.*}, and
 * prototype {@code HttpSyncGraphQlClient} and {@code HttpGraphQlClient} builders, made
 * from Spring Boot's {@code RestClient} and {@code WebClient} builders where it defines
 * them, that send operation ids.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration",
		"org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration" })
@ConditionalOnClass({ PersistedOperationsConfigurer.class, HttpSyncGraphQlClient.class })
@ConditionalOnBooleanProperty(name = "persisted-ops.client.enabled", matchIfMissing = true)
@EnableConfigurationProperties(PersistedOperationsClientProperties.class)
public final class PersistedOperationsClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PersistedOperationsConfigurer persistedOperationsConfigurer(PersistedOperationsClientProperties properties) {
		return PersistedOperationsConfigurer.builder()
			.convention(properties.getConvention())
			.hashAlgorithm(properties.getHashAlgorithm())
			.operationStoreClient(properties.getOperationStoreClient())
			.manifest(ClientManifests.load(properties.getManifest()))
			.automaticPersistedQueries(properties.isApq())
			.getForQueries(properties.isGetForQueries())
			.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(RestClient.class)
	static class SyncHttpClientConfiguration {

		@Bean
		@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
		@ConditionalOnMissingBean
		HttpSyncGraphQlClient.Builder<?> persistedOperationsHttpSyncGraphQlClientBuilder(
				PersistedOperationsConfigurer configurer, ObjectProvider<RestClient.Builder> restClientBuilder) {
			return configurer
				.configure(HttpSyncGraphQlClient.builder(restClientBuilder.getIfAvailable(RestClient::builder)));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(WebClient.class)
	static class HttpClientConfiguration {

		@Bean
		@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
		@ConditionalOnMissingBean
		HttpGraphQlClient.Builder<?> persistedOperationsHttpGraphQlClientBuilder(
				PersistedOperationsConfigurer configurer, ObjectProvider<WebClient.Builder> webClientBuilder) {
			return configurer.configure(HttpGraphQlClient.builder(webClientBuilder.getIfAvailable(WebClient::builder)));
		}

	}

}
