package dev.persistedops.store;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.document.OperationId;
import dev.persistedops.store.memory.BoundedInMemoryOperationDocumentStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link LayeredOperationDocumentStore}.
 */
class LayeredOperationDocumentStoreTests {

	private final DocumentCatalog deployed = DocumentCatalog
		.builder(new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX), HashMismatchAction.FAIL)
		.add(OperationId.of("ios/deployed"), "query Deployed { a }", "test")
		.build();

	private final BoundedInMemoryOperationDocumentStore registrations = new BoundedInMemoryOperationDocumentStore(10,
			100_000, Duration.ofHours(1));

	private final LayeredOperationDocumentStore store = new LayeredOperationDocumentStore(this.deployed,
			this.registrations);

	@Test
	void findsDeployedDocumentsFirstAndRegistrationsSecond() {
		this.store.save(OperationId.of("ios/registered"), "query Registered { b }", null).block();
		assertThat(this.store.findDocument(OperationId.of("ios/deployed")).block()).isEqualTo("query Deployed { a }");
		assertThat(this.store.findDocument(OperationId.of("ios/registered")).block())
			.isEqualTo("query Registered { b }");
	}

	@Test
	void savingADifferentTextUnderADeployedIdIsAConflictAndStoresNothing() {
		assertThat(this.store.save(OperationId.of("ios/deployed"), "query Other { c }", null).block())
			.isEqualTo(SaveOutcome.CONFLICT);
		assertThat(this.registrations.findDocument(OperationId.of("ios/deployed")).block()).isNull();
	}

	@Test
	void savingTheDeployedTextIsUnchanged() {
		assertThat(this.store.save(OperationId.of("ios/deployed"), "query Deployed { a }", null).block())
			.isEqualTo(SaveOutcome.UNCHANGED);
	}

	@Test
	void memoryLayerIsNotShared() {
		assertThat(this.store.isShared()).isFalse();
	}

}
