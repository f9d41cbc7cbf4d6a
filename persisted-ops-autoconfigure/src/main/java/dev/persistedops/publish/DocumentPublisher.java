package dev.persistedops.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.store.WritableOperationDocumentStore;

import org.springframework.util.Assert;

/**
 * Saves every document of a catalog into a writable store. Publishing is idempotent: what is
 * already there is left as it is, and publishing the same documents again changes nothing. An
 * id that holds a different text is reported, never overwritten.
 */
public final class DocumentPublisher {

	private static final int CONCURRENCY = 16;

	private final WritableOperationDocumentStore store;

	private final @Nullable Duration timeToLive;

	/**
	 * Create a publisher.
	 * @param store where documents are saved
	 * @param timeToLive how long published documents are kept, or {@code null} to keep them
	 */
	public DocumentPublisher(WritableOperationDocumentStore store, @Nullable Duration timeToLive) {
		Assert.notNull(store, "store is required");
		this.store = store;
		this.timeToLive = timeToLive;
	}

	/**
	 * Save every document of the catalog.
	 */
	public Mono<PublishReport> publish(DocumentCatalog catalog) {
		List<String> created = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		List<String> conflicts = new ArrayList<>();
		return Flux.fromIterable(catalog.documents().entrySet())
			.flatMap((document) -> save(document).map((outcome) -> Map.entry(document.getKey(), outcome)),
					CONCURRENCY)
			.collectList()
			.map((outcomes) -> {
				outcomes.forEach((outcome) -> {
					switch (outcome.getValue()) {
						case CREATED -> created.add(outcome.getKey());
						case UNCHANGED -> unchanged.add(outcome.getKey());
						case CONFLICT -> conflicts.add(outcome.getKey());
					}
				});
				return new PublishReport(created, unchanged, conflicts);
			});
	}

	private Mono<SaveOutcome> save(Map.Entry<String, String> document) {
		return this.store.save(OperationId.of(document.getKey()), document.getValue(), this.timeToLive);
	}

}
