package dev.persistedops.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import reactor.core.Exceptions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.store.StoreUnavailableException;
import dev.persistedops.store.WritableOperationDocumentStore;

import org.springframework.util.Assert;

/**
 * Saves every document of a catalog into a writable store. Publishing is idempotent: what
 * is already there is left as it is, and publishing the same documents again changes
 * nothing. An id that holds a different text is reported, never overwritten.
 */
public final class DocumentPublisher {

	private static final int CONCURRENCY = 16;

	private final WritableOperationDocumentStore store;

	private final @Nullable Duration timeToLive;

	/**
	 * Create a publisher.
	 * @param store where documents are saved
	 * @param timeToLive how long published documents are kept, or {@code null} to keep
	 * them
	 */
	public DocumentPublisher(WritableOperationDocumentStore store, @Nullable Duration timeToLive) {
		Assert.notNull(store, "store is required");
		this.store = store;
		this.timeToLive = timeToLive;
	}

	/**
	 * Save every document of the catalog. A document that cannot be saved is reported
	 * with the reason, and the others are still saved; but when the store is unavailable,
	 * publishing stops at once and the {@code Mono} fails with
	 * {@link StoreUnavailableException}, since every other save would wait for the store
	 * in vain. Publishing again later is safe.
	 */
	public Mono<PublishReport> publish(DocumentCatalog catalog) {
		return Flux.fromIterable(catalog.documents().entrySet())
			.flatMap(
					(document) -> save(document).map((outcome) -> new Result(document.getKey(), outcome, null))
						.onErrorResume((ex) -> !(ex instanceof StoreUnavailableException),
								(ex) -> Mono
									.just(new Result(document.getKey(), null, String.valueOf(ex.getMessage())))),
					CONCURRENCY)
			// Saves that find the store unavailable at the same time, on different
			// threads, reach flatMap as one composite error: fail with the first.
			.onErrorMap(Exceptions::isMultiple, (ex) -> Exceptions.unwrapMultiple(ex).get(0))
			.collectList()
			.map(DocumentPublisher::report);
	}

	private static PublishReport report(List<Result> results) {
		List<String> created = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		List<String> conflicts = new ArrayList<>();
		Map<String, String> failures = new TreeMap<>();
		for (Result result : results) {
			if (result.outcome() == null) {
				failures.put(result.id(), String.valueOf(result.failure()));
				continue;
			}
			switch (result.outcome()) {
				case CREATED -> created.add(result.id());
				case UNCHANGED -> unchanged.add(result.id());
				case CONFLICT -> conflicts.add(result.id());
			}
		}
		return new PublishReport(created, unchanged, conflicts, failures);
	}

	private Mono<SaveOutcome> save(Map.Entry<String, String> document) {
		return this.store.save(OperationId.of(document.getKey()), document.getValue(), this.timeToLive);
	}

	private record Result(String id, @Nullable SaveOutcome outcome, @Nullable String failure) {
	}

}
