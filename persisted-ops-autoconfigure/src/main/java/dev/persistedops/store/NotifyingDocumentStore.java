package dev.persistedops.store;

import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;

import org.springframework.util.Assert;

/**
 * A store that tells {@link SaveListener listeners} of every document saved through it
 * (created, or already there with the same text). Lookups pass through.
 */
final class NotifyingDocumentStore implements WritableOperationDocumentStore {

	private static final Log logger = LogFactory.getLog(NotifyingDocumentStore.class);

	private final WritableOperationDocumentStore delegate;

	private final String origin;

	private final List<SaveListener> listeners;

	NotifyingDocumentStore(WritableOperationDocumentStore delegate, String origin, List<SaveListener> listeners) {
		Assert.notNull(delegate, "delegate is required");
		Assert.hasText(origin, "origin is required");
		this.delegate = delegate;
		this.origin = origin;
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public Mono<String> findDocument(OperationId id) {
		return this.delegate.findDocument(id);
	}

	@Override
	public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
		return this.delegate.save(id, text, timeToLive).doOnNext((outcome) -> {
			if (outcome != SaveOutcome.CONFLICT) {
				notifyListeners(id.key());
			}
		});
	}

	private void notifyListeners(String key) {
		for (SaveListener listener : this.listeners) {
			try {
				listener.saved(key, this.origin);
			}
			catch (RuntimeException ex) {
				logger.debug("Listener " + listener + " failed on the save of '" + key + "'", ex);
			}
		}
	}

	@Override
	public Mono<Void> connect() {
		return this.delegate.connect();
	}

	@Override
	public Mono<Void> check() {
		return this.delegate.check();
	}

	@Override
	public boolean isShared() {
		return this.delegate.isShared();
	}

}
