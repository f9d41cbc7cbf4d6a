package dev.persistedops.store.memory;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.SaveOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BoundedInMemoryOperationDocumentStore}.
 */
class BoundedInMemoryOperationDocumentStoreTests {

	@Test
	void hundredThousandRegistrationsStayWithinTheEntryBound() {
		BoundedInMemoryOperationDocumentStore store = new BoundedInMemoryOperationDocumentStore(1_000, 100_000_000,
				Duration.ofHours(1));
		IntStream.range(0, 100_000)
			.forEach((i) -> store.save(OperationId.of("id" + i), "query Q" + i + " { q }", null).block());
		assertThat(store.size()).isLessThanOrEqualTo(1_000);
	}

	@Test
	void hundredThousandRegistrationsStayWithinTheByteBound() {
		BoundedInMemoryOperationDocumentStore store = new BoundedInMemoryOperationDocumentStore(1_000_000, 1_000_000,
				Duration.ofHours(1));
		String padding = "x".repeat(500);
		IntStream.range(0, 100_000)
			.forEach((i) -> store.save(OperationId.of("id" + i), "query Q" + i + " { q } # " + padding, null).block());
		assertThat(store.weight()).isLessThanOrEqualTo(1_000_000);
		assertThat(store.size()).isPositive().isLessThan(1_000);
	}

	@Test
	void documentsExpireAfterTheTimeToLive() throws InterruptedException {
		BoundedInMemoryOperationDocumentStore store = new BoundedInMemoryOperationDocumentStore(10, 100_000,
				Duration.ofMillis(100));
		store.save(OperationId.of("a"), "query A { a }", null).block();
		Thread.sleep(250);
		assertThat(store.findDocument(OperationId.of("a")).block()).isNull();
	}

	@Test
	void differentTextUnderAStoredIdIsRefused() {
		BoundedInMemoryOperationDocumentStore store = new BoundedInMemoryOperationDocumentStore(10, 100_000,
				Duration.ofHours(1));
		assertThat(store.save(OperationId.of("a"), "query A { a }", null).block()).isEqualTo(SaveOutcome.CREATED);
		assertThat(store.save(OperationId.of("a"), "query A { a }", null).block()).isEqualTo(SaveOutcome.UNCHANGED);
		assertThat(store.save(OperationId.of("a"), "query B { b }", null).block()).isEqualTo(SaveOutcome.CONFLICT);
		assertThat(store.findDocument(OperationId.of("a")).block()).isEqualTo("query A { a }");
	}

}
