package dev.persistedops.store.memory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.ListableOperationDocumentStore;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.store.WritableOperationDocumentStore;

import org.springframework.util.Assert;

/**
 * A store held in memory, for tests and for applications that register documents in code.
 * A document, once saved, is never replaced by a different text while it lives. It is not
 * bounded: what is saved stays until its time to live runs out. It lists its documents,
 * so that they can be checked against the schema and matched in safelist mode.
 */
public class InMemoryOperationDocumentStore implements WritableOperationDocumentStore, ListableOperationDocumentStore {

	private final Map<String, Entry> documents = new ConcurrentHashMap<>();

	/** Counts changes, so that a listing is made again only after one. */
	private final AtomicLong changes = new AtomicLong();

	private volatile Listing listing = new Listing(-1, Map.of());

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

	/**
	 * Return the documents held, by the key they are stored under: the same map until a
	 * document is added or found expired.
	 */
	@Override
	public Map<String, String> documents() {
		long changes = this.changes.get();
		Listing listing = this.listing;
		if (listing.changes() != changes) {
			Map<String, String> documents = new HashMap<>();
			this.documents.forEach((key, entry) -> {
				if (!entry.isExpired(this.clock)) {
					documents.put(key, entry.text());
				}
			});
			listing = new Listing(changes, Map.copyOf(documents));
			this.listing = listing;
		}
		return listing.documents();
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
			this.changes.incrementAndGet();
			return SaveOutcome.CREATED;
		}
		return stored.text().equals(text) ? SaveOutcome.UNCHANGED : SaveOutcome.CONFLICT;
	}

	private @Nullable Entry find(String key) {
		Entry entry = this.documents.get(key);
		if (entry != null && entry.isExpired(this.clock)) {
			if (this.documents.remove(key, entry)) {
				this.changes.incrementAndGet();
			}
			return null;
		}
		return entry;
	}

	private record Listing(long changes, Map<String, String> documents) {
	}

	private record Entry(String text, Instant expiresAt) {

		boolean isExpired(Clock clock) {
			return !clock.instant().isBefore(this.expiresAt);
		}

	}

}
