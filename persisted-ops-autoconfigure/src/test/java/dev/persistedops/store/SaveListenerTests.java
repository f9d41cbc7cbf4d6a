package dev.persistedops.store;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.memory.BoundedInMemoryOperationDocumentStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SaveListener#notifying}.
 */
class SaveListenerTests {

	private final BoundedInMemoryOperationDocumentStore store = new BoundedInMemoryOperationDocumentStore(10, 100_000,
			Duration.ofHours(1));

	private final List<String> saved = new CopyOnWriteArrayList<>();

	@Test
	void listenersHearOfSavedDocumentsButNotOfConflicts() {
		WritableOperationDocumentStore notifying = SaveListener.notifying(this.store, "publishing",
				List.of((key, origin) -> this.saved.add(origin + ":" + key), (key, origin) -> {
					throw new IllegalStateException("a broken listener does not fail the save");
				}));
		assertThat(notifying.save(OperationId.of("sha256:" + "a".repeat(64)), "query A { a }", null).block())
			.isEqualTo(SaveOutcome.CREATED);
		assertThat(notifying.save(OperationId.of("sha256:" + "a".repeat(64)), "query A { a }", null).block())
			.isEqualTo(SaveOutcome.UNCHANGED);
		assertThat(notifying.save(OperationId.of("sha256:" + "a".repeat(64)), "query B { b }", null).block())
			.isEqualTo(SaveOutcome.CONFLICT);
		assertThat(this.saved).containsExactly("publishing:" + "a".repeat(64), "publishing:" + "a".repeat(64));
		assertThat(notifying.findDocument(OperationId.of("a".repeat(64))).block()).isEqualTo("query A { a }");
	}

	@Test
	void withoutListenersTheStoreIsReturnedAsItIs() {
		assertThat(SaveListener.notifying(this.store, "publishing", List.of())).isSameAs(this.store);
	}

}
