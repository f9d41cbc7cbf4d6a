package dev.persistedops.publish;

import java.time.Duration;
import java.util.concurrent.CyclicBarrier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.document.OperationId;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.HashMismatchAction;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.store.StoreUnavailableException;
import dev.persistedops.store.WritableOperationDocumentStore;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DocumentPublisher}.
 */
class DocumentPublisherTests {

	@Test
	void savesThatFindTheStoreUnavailableAtTheSameTimeFailWithOneStoreUnavailableException() {
		DocumentCatalog.Builder builder = DocumentCatalog
			.builder(new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX), HashMismatchAction.FAIL);
		for (int i = 0; i < 4; i++) {
			builder.add(OperationId.of("document-" + i), "query Q" + i + " { q }", "test");
		}
		DocumentCatalog catalog = builder.build();
		// Four saves fail together, each on its own thread, as the saves of a remote
		// store that has just gone away do; repeated, since which errors reach flatMap
		// together is up to the threads.
		for (int attempt = 0; attempt < 200; attempt++) {
			CyclicBarrier together = new CyclicBarrier(4);
			DocumentPublisher publisher = new DocumentPublisher(new FailingTogether(together), null);
			assertThatExceptionOfType(StoreUnavailableException.class)
				.isThrownBy(() -> publisher.publish(catalog).block(Duration.ofSeconds(10)));
		}
	}

	private record FailingTogether(CyclicBarrier together) implements WritableOperationDocumentStore {

		@Override
		public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
			return Mono.<SaveOutcome>fromCallable(() -> {
				this.together.await();
				throw new StoreUnavailableException("the store is down");
			}).subscribeOn(Schedulers.boundedElastic());
		}

		@Override
		public Mono<String> findDocument(OperationId id) {
			return Mono.empty();
		}

	}

}
