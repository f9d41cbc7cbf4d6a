package dev.persistedops.autoconfigure;

import graphql.GraphQL;

import dev.persistedops.execution.OperationValidator;
import dev.persistedops.execution.PersistedDocumentCache;
import dev.persistedops.execution.StoredDocumentCheck;
import dev.persistedops.publish.DocumentPublishingRunner;
import dev.persistedops.store.DocumentReloadListener;
import dev.persistedops.store.DocumentReloader;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.ReloadingDocumentStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the lifecycle of stored documents: every document the store can
 * list, and every document published at startup, checked against the schema before the
 * first request ({@code persisted-ops.validation.mode}), the valid ones kept parsed; and
 * the reload of file stores while the application runs
 * ({@code persisted-ops.store.reload}), each reload checked the same way before it is
 * served.
 */
@AutoConfiguration(
		after = { PersistedOperationsAutoConfiguration.class, PersistedOperationsPublishingAutoConfiguration.class })
@ConditionalOnClass(GraphQL.class)
@ConditionalOnBean({ OperationDocumentStore.class, OperationValidator.class, PersistedDocumentCache.class })
public final class PersistedOperationsLifecycleAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StoredDocumentCheck persistedOperationsStoredDocumentCheck(PersistedOperationsProperties properties,
			OperationValidator validator, PersistedDocumentCache cache) {
		return new StoredDocumentCheck(validator, cache, properties.getValidation().getMode(),
				ValidationProperties.MODE);
	}

	@Bean
	StoredDocumentsStartupCheck persistedOperationsStartupCheck(PersistedOperationsProperties properties,
			StoredDocumentCheck check, OperationDocumentStore store,
			ObjectProvider<DocumentPublishingRunner> publishing) {
		return new StoredDocumentsStartupCheck(check, store, publishing,
				properties.getValidation().getBackgroundDelay());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(ReloadingDocumentStore.class)
	static class ReloadConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DocumentReloader persistedOperationsDocumentReloader(PersistedOperationsProperties properties,
				ReloadingDocumentStore store, StoredDocumentCheck check,
				ObjectProvider<DocumentReloadListener> listeners) {
			return new DocumentReloader(store, properties.getStore().getReload().getInterval(),
					(candidate) -> check.check("read by a reload", candidate.documents(), candidate::sourceOf),
					listeners.orderedStream().toList());
		}

	}

}
