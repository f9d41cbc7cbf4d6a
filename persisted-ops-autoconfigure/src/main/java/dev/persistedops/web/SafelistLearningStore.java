package dev.persistedops.web;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.execution.SafelistIndex;
import dev.persistedops.store.DocumentRegistry;
import dev.persistedops.store.ImmediateAnswer;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.store.WritableOperationDocumentStore;

import org.springframework.util.Assert;

/**
 * Teaches a {@link SafelistIndex} every document looked up or saved through it, so that
 * in safelist mode a store that cannot list its documents (Redis, Azure Blob) still
 * matches the documents this instance has served or stored.
 */
public final class SafelistLearningStore implements WritableOperationDocumentStore {

	private final WritableOperationDocumentStore delegate;

	private final SafelistIndex index;

	SafelistLearningStore(WritableOperationDocumentStore delegate, SafelistIndex index) {
		Assert.notNull(delegate, "delegate is required");
		Assert.notNull(index, "index is required");
		this.delegate = delegate;
		this.index = index;
	}

	/**
	 * Return a registry whose lookups and registrations teach the index.
	 */
	public static DocumentRegistry around(DocumentRegistry registry, SafelistIndex index) {
		SafelistLearningStore registrations = new SafelistLearningStore(registry.registrations(), index);
		if (registry.lookups() == registry.registrations()) {
			return new DocumentRegistry(registrations, registrations);
		}
		WritableOperationDocumentStore lookups = (registry.lookups() instanceof WritableOperationDocumentStore writable)
				? new SafelistLearningStore(writable, index) : null;
		return new DocumentRegistry((lookups != null) ? lookups : registry.lookups(), registrations);
	}

	@Override
	public Mono<String> findDocument(OperationId id) {
		Mono<String> found = this.delegate.findDocument(id);
		ImmediateAnswer<String> answer = ImmediateAnswer.of(found);
		if (answer != null) {
			String text = answer.value();
			if (text != null) {
				this.index.learn(id.key(), text);
			}
			return found;
		}
		return found.doOnNext((text) -> this.index.learn(id.key(), text));
	}

	@Override
	public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
		return this.delegate.save(id, text, timeToLive).doOnNext((outcome) -> {
			if (outcome != SaveOutcome.CONFLICT) {
				this.index.learn(id.key(), text);
			}
		});
	}

	@Override
	public boolean isShared() {
		return this.delegate.isShared();
	}

}
