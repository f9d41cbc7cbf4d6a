package dev.persistedops.autoconfigure;

import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.execution.OperationValidator;
import dev.persistedops.publish.DocumentPublishingRunner;
import dev.persistedops.publish.OperationStoreAuthenticator;
import dev.persistedops.publish.OperationStoreSyncEndpoint;
import dev.persistedops.publish.RelayPersistEndpoint;
import dev.persistedops.store.DocumentRegistry;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.SaveListener;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of publishing documents into the store: at deploy time
 * ({@code persisted-ops.publish}), and through the endpoints client builds publish to,
 * relay-compiler's persist endpoint ({@code persisted-ops.relay}) and
 * graphql-ruby-client's sync endpoint ({@code persisted-ops.operation-store}), each with
 * its Spring MVC or WebFlux route. Everything is off unless enabled. The endpoints are
 * not GraphQL operations, so only-persisted mode does not apply to them.
 */
@AutoConfiguration(after = PersistedOperationsAutoConfiguration.class)
@ConditionalOnBean(DocumentRegistry.class)
@Import({ PublishingWebMvcRoutesConfiguration.class, PublishingWebFluxRoutesConfiguration.class })
public final class PersistedOperationsPublishingAutoConfiguration {

	static final String RELAY_ENABLED = "persisted-ops.relay.enabled";

	static final String OPERATION_STORE_ENABLED = "persisted-ops.operation-store.enabled";

	/** Where documents saved by the publishing endpoints come from, as listeners hear. */
	static final String PUBLISHING = "publishing";

	@Bean
	@ConditionalOnBooleanProperty("persisted-ops.publish.enabled")
	DocumentPublishingRunner persistedOperationsPublishingRunner(PersistedOperationsProperties properties,
			OperationDocumentStore store, DocumentCatalogs catalogs) {
		PublishProperties publish = properties.getPublish();
		return new DocumentPublishingRunner(PublishingPreconditions.writableStore(store), publish.getTimeToLive(),
				PublishingPreconditions.documentsToPublish(
						catalogs.directoriesAndManifests(publish.filesystemLocations(), publish.manifestLocations())));
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(RELAY_ENABLED)
	RelayPersistEndpoint persistedOperationsRelayPersistEndpoint(PersistedOperationsProperties properties,
			DocumentRegistry registry, OperationValidator validator, ObjectProvider<SaveListener> saveListeners) {
		RelayProperties relay = properties.getRelay();
		return new RelayPersistEndpoint(
				SaveListener.notifying(PublishingPreconditions.sharedStore(registry, "The Relay persist endpoint",
						properties.getStore().getType()), PUBLISHING, saveListeners.orderedStream().toList()),
				validator, new DocumentHasher(relay.getHashAlgorithm(), HashEncoding.HEX), relay.getTokenHeader(),
				relay.requiredToken());
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(OPERATION_STORE_ENABLED)
	OperationStoreSyncEndpoint persistedOperationsOperationStoreSyncEndpoint(PersistedOperationsProperties properties,
			DocumentRegistry registry, OperationValidator validator, ObjectProvider<JsonMapper> jsonMapper,
			ObjectProvider<SaveListener> saveListeners) {
		return new OperationStoreSyncEndpoint(
				SaveListener.notifying(PublishingPreconditions.sharedStore(registry, "The OperationStore sync endpoint",
						properties.getStore().getType()), PUBLISHING, saveListeners.orderedStream().toList()),
				validator, new OperationStoreAuthenticator(properties.getOperationStore().clientSecrets()),
				jsonMapper.getIfAvailable(JsonMapper::shared));
	}

}
