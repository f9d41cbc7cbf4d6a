package dev.persistedops.autoconfigure;

import dev.persistedops.execution.StoredDocumentCheck;
import dev.persistedops.publish.DocumentPublishingRunner;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.ListableOperationDocumentStore;
import dev.persistedops.store.OperationDocumentStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Checks, once the application's beans exist and before the server takes requests, every
 * document the store can list (files, manifests, memory) and every document that is
 * published at startup (into Redis or Azure Blob, which cannot list theirs), so that a
 * document that no longer matches the schema is found before a user sends its id; valid
 * documents are kept parsed for their first request.
 */
final class StoredDocumentsStartupCheck implements SmartInitializingSingleton {

	private final StoredDocumentCheck check;

	private final OperationDocumentStore store;

	private final ObjectProvider<DocumentPublishingRunner> publishing;

	StoredDocumentsStartupCheck(StoredDocumentCheck check, OperationDocumentStore store,
			ObjectProvider<DocumentPublishingRunner> publishing) {
		this.check = check;
		this.store = store;
		this.publishing = publishing;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (this.store instanceof ListableOperationDocumentStore listable) {
			this.check.check("in the store", listable.documents(), listable::sourceOf);
		}
		this.publishing.orderedStream().forEach((runner) -> {
			DocumentCatalog documents = runner.documents();
			this.check.check("to publish", documents.documents(), documents::sourceOf);
		});
	}

}
