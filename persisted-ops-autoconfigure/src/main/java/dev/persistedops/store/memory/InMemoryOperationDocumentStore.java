package dev.persistedops.store.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.store.WritableOperationDocumentStore;

import org.springframework.util.Assert;

/**
 * A store held in memory, for tests and for applications that register documents in code.
 * A document, once saved, is never replaced by a different text while it lives. It is not
 * bounded: what is saved stays until its time to live runs out.
 */
public class InMemoryOperationDocumentStore implements WritableOperationDocumentStore {

	private final Map<String, Entry> documents = new ConcurrentHashMap<>();

	private final Clock clock;

	public InMemoryOperationDocumentStore() {
		this(Clock.systemUTC());
	}

	InMemoryOperationDocumentStore(Clock clock) {
		this.clock = clock;
	}

	@Override
	public Mono<String> findDocument(OperationId id) {
		return Mono.justOrEmpty(find(id.key())).map(Entry::text);
	}

	@Override
	public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
		return Mono.fromSupplier(() -> saveNow(id, text, timeToLive));
	}

	/**
	 * Store a document under the given id, for good, unless a different text is already
	 * stored there.
	 * @return {@code true} if the id now holds this text, {@code false} if it holds
	 * another
	 */
	public boolean save(OperationId id, String text) {
		return saveNow(id, text, null) != SaveOutcome.CONFLICT;
	}

	private SaveOutcome saveNow(OperationId id, String text, @Nullable Duration timeToLive) {
		Assert.notNull(id, "id is required");
		Assert.hasText(text, "text is required");
		Instant expiresAt = (timeToLive != null) ? this.clock.instant().plus(timeToLive) : Instant.MAX;
		Entry created = new Entry(text, expiresAt);
		Entry stored = this.documents.compute(id.key(),
				(key, existing) -> (existing == null || existing.isExpired(this.clock)) ? created : existing);
		if (stored == created) {
			return SaveOutcome.CREATED;
		}
		return stored.text().equals(text) ? SaveOutcome.UNCHANGED : SaveOutcome.CONFLICT;
	}

	private @Nullable Entry find(String key) {
		Entry entry = this.documents.get(key);
		if (entry != null && entry.isExpired(this.clock)) {
			this.documents.remove(key, entry);
			return null;
		}
		return entry;
	}

	private record Entry(String text, Instant expiresAt) {

		boolean isExpired(Clock clock) {
			return !clock.instant().isBefore(this.expiresAt);
		}

	}

}
