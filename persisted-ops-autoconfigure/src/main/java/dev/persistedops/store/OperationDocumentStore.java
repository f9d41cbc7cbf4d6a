package dev.persistedops.store;

import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;

/**
 * Where persisted documents are looked up by id. Implementations never see an id that
 * breaks the id rule of {@link OperationId}.
 */
@FunctionalInterface
public interface OperationDocumentStore {

	/**
	 * Look up the text of the document stored under the given id.
	 * @param id the operation id
	 * @return the exact document text, or an empty {@code Mono} when nothing is stored
	 * under the id; an error signal means the store could not be asked
	 */
	Mono<String> findDocument(OperationId id);

}
