package dev.persistedops.store.memory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.OperationDocumentStore;

import org.springframework.util.Assert;

/**
 * A mutable store held in memory, for tests and for applications that register documents in
 * code. A document, once saved, is never replaced by a different text.
 */
public class InMemoryOperationDocumentStore implements OperationDocumentStore {

	private final Map<String, String> documents = new ConcurrentHashMap<>();

	@Override
	public Mono<String> findDocument(OperationId id) {
		return Mono.justOrEmpty(this.documents.get(id.key()));
	}

	/**
	 * Store a document under the given id, unless a different text is already stored there.
	 * @param id the id
	 * @param text the exact document text
	 * @return {@code true} if the id now holds this text, {@code false} if it holds another
	 */
	public boolean save(OperationId id, String text) {
		Assert.notNull(id, "id is required");
		Assert.hasText(text, "text is required");
		return this.documents.putIfAbsent(id.key(), text) == null || this.documents.get(id.key()).equals(text);
	}

}
