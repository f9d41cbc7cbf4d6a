package dev.persistedops.store;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.memory.InMemoryOperationDocumentStore;

/**
 * An in-memory store, standing in for a remote one in unit tests of the decorators, that
 * counts lookups and can be made to fail, hang, answer late or block the calling thread.
 */
class CountingDocumentStore extends InMemoryOperationDocumentStore {

	final AtomicInteger lookups = new AtomicInteger();

	volatile boolean failing;

	volatile boolean hang;

	volatile boolean dataError;

	volatile boolean blockOnCall;

	volatile @Nullable Duration delay;

	@Override
	public Mono<String> findDocument(OperationId id) {
		this.lookups.incrementAndGet();
		if (this.failing) {
			return Mono.error(new StoreUnavailableException("remote store is down"));
		}
		if (this.dataError) {
			return Mono.error(new IllegalStateException("this key holds something else"));
		}
		if (this.blockOnCall) {
			sleep(2_000);
		}
		Duration delay = this.delay;
		if (delay != null) {
			return Mono.delay(delay).then(super.findDocument(id));
		}
		return this.hang ? Mono.never() : super.findDocument(id);
	}

	@Override
	public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
		return super.save(id, text, timeToLive);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
