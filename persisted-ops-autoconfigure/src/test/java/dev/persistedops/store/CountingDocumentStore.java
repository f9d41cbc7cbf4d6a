package dev.persistedops.store;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.memory.InMemoryOperationDocumentStore;

/**
 * An in-memory store, standing in for a remote one in unit tests of the decorators, that
 * counts lookups and saves and can be made to fail, hang, answer late or block the
 * calling thread, and whose connection can be made slow to open.
 */
class CountingDocumentStore extends InMemoryOperationDocumentStore {

	final AtomicInteger lookups = new AtomicInteger();

	final AtomicInteger saves = new AtomicInteger();

	volatile @Nullable Duration connectDelay;

	volatile boolean failLate;

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
		return answer(super.findDocument(id));
	}

	@Override
	public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
		this.saves.incrementAndGet();
		if (this.failing) {
			return Mono.error(new StoreUnavailableException("remote store is down"));
		}
		return answer(super.save(id, text, timeToLive));
	}

	private <T> Mono<T> answer(Mono<T> answer) {
		Duration delay = this.delay;
		if (delay != null) {
			return Mono.delay(delay)
				.then(this.failLate ? Mono.error(new StoreUnavailableException("remote store failed late")) : answer);
		}
		return this.hang ? Mono.never() : answer;
	}

	@Override
	public Mono<Void> connect() {
		if (this.failing) {
			return Mono.error(new StoreUnavailableException("remote store is down"));
		}
		Duration connectDelay = this.connectDelay;
		return (connectDelay != null) ? Mono.delay(connectDelay).then() : Mono.empty();
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
