package dev.persistedops.store;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.persistedops.document.HashedIdVerifier;
import dev.persistedops.document.InvalidOperationIdException;
import dev.persistedops.document.OperationId;

import org.springframework.util.Assert;

/**
 * The documents of a catalog whose locations are not listed at startup. A lookup finds a
 * document by its id in every location (a file system call each), reads it on its first
 * use, and keeps it. The locations are listed the first time every document is asked for
 * (iterated or counted); from then on the listing answers every lookup, with no file
 * system call. An id held by two locations is served only if both hold the same text.
 * <p>
 * As a map, its lookups find by id and its size and iteration list the locations; if the
 * listing fails, the failure is logged once and they cover the documents found by id
 * until then, while lookups go on finding by id.
 */
final class UnlistedDocuments extends AbstractMap<String, String> {

	private static final Log logger = LogFactory.getLog(DocumentCatalog.class);

	private final List<DocumentFinder> finders;

	private final HashedIdVerifier verifier;

	private final HashMismatchAction onMismatch;

	/**
	 * The documents found by id until the locations are listed.
	 */
	private final Map<String, FirstUseDocument> found = new ConcurrentHashMap<>();

	private final Set<String> keys = new Keys();

	private final Set<Map.Entry<String, String>> entries = new Entries();

	private final Collection<String> values = new Values();

	private final Object listingLock = new Object();

	/**
	 * The documents of the locations once listed, or {@code null} until then: from then
	 * on they answer every lookup.
	 */
	private volatile @Nullable Map<String, FirstUseDocument> listing;

	/**
	 * The documents served, as a map: those listed, or those found by id until the
	 * listing failed; {@code null} until the locations are listed or fail to be.
	 */
	private volatile @Nullable Map<String, String> listed;

	UnlistedDocuments(List<DocumentFinder> finders, HashedIdVerifier verifier, HashMismatchAction onMismatch) {
		Assert.notEmpty(finders, "At least one finder is required");
		this.finders = List.copyOf(finders);
		this.verifier = verifier;
		this.onMismatch = onMismatch;
	}

	/**
	 * Find a document: one not read yet is found and read on a thread that may block, not
	 * on the caller's (an event loop, in WebFlux).
	 */
	Mono<String> find(OperationId id) {
		Map<String, FirstUseDocument> listing = this.listing;
		FirstUseDocument document = (listing != null) ? listing.get(id.key()) : this.found.get(id.key());
		if (document == null && listing != null) {
			return Mono.empty();
		}
		if (document != null && document.isRead()) {
			return Mono.justOrEmpty(document.text());
		}
		return Mono.fromCallable(() -> text(id)).subscribeOn(Schedulers.boundedElastic());
	}

	/**
	 * Return whether the locations have been listed.
	 */
	boolean isListed() {
		return this.listing != null;
	}

	@Nullable String sourceOf(String key) {
		FirstUseDocument document = lookUpKey(key);
		return (document != null) ? document.source() : null;
	}

	@Override
	public @Nullable String get(Object key) {
		FirstUseDocument document = (key instanceof String name) ? lookUpKey(name) : null;
		return (document != null) ? document.text() : null;
	}

	@Override
	public boolean containsKey(Object key) {
		return get(key) != null;
	}

	/**
	 * Return the number of documents listed, served or not, listing the locations if they
	 * were not yet.
	 */
	@Override
	public int size() {
		return listed().size();
	}

	@Override
	public Set<String> keySet() {
		return this.keys;
	}

	@Override
	public Set<Map.Entry<String, String>> entrySet() {
		return this.entries;
	}

	@Override
	public Collection<String> values() {
		return this.values;
	}

	@Override
	public boolean equals(Object other) {
		return listed().equals(other);
	}

	@Override
	public int hashCode() {
		return listed().hashCode();
	}

	private @Nullable String text(OperationId id) {
		FirstUseDocument document = lookUp(id);
		return (document != null) ? document.text() : null;
	}

	/**
	 * Look up the document stored under a key, which a map's caller gives.
	 */
	private @Nullable FirstUseDocument lookUpKey(String key) {
		Map<String, FirstUseDocument> listing = this.listing;
		if (listing != null) {
			return listing.get(key);
		}
		try {
			OperationId id = OperationId.of(key);
			// A sha256: id is stored under its bare digest, not under the name given.
			return id.key().equals(key) ? lookUp(id) : null;
		}
		catch (InvalidOperationIdException ex) {
			return null;
		}
	}

	private @Nullable FirstUseDocument lookUp(OperationId id) {
		Map<String, FirstUseDocument> listing = this.listing;
		if (listing != null) {
			return listing.get(id.key());
		}
		FirstUseDocument document = this.found.get(id.key());
		if (document != null) {
			return document;
		}
		UnreadDocument unread = null;
		for (DocumentFinder finder : this.finders) {
			UnreadDocument candidate = finder.find(id);
			if (candidate != null) {
				unread = (unread != null) ? SameInEvery.of(id.key(), unread, candidate) : candidate;
			}
		}
		if (unread == null) {
			return null;
		}
		UnreadDocument first = unread;
		return this.found.computeIfAbsent(id.key(), (key) -> firstUse(id, first));
	}

	private FirstUseDocument firstUse(OperationId id, UnreadDocument document) {
		return new FirstUseDocument(id, document, this.verifier, this.onMismatch);
	}

	/**
	 * Return the documents served, listing the locations the first time.
	 */
	private Map<String, String> listed() {
		Map<String, String> listed = this.listed;
		if (listed != null) {
			return listed;
		}
		synchronized (this.listingLock) {
			if (this.listed != null) {
				return this.listed;
			}
			List<String> locations = this.finders.stream().map(DocumentFinder::location).toList();
			long start = System.nanoTime();
			Map<String, FirstUseDocument> listing;
			try {
				listing = list();
			}
			catch (RuntimeException ex) {
				logger.error("Could not list the persisted documents of " + locations + ": they are found by id, but "
						+ "only those found until now are counted, checked or indexed. " + ex.getMessage());
				this.listed = new CatalogDocuments(Map.of(), new HashMap<>(this.found));
				return this.listed;
			}
			logger.info("Listed " + listing.size() + " persisted documents of " + locations + " in "
					+ (System.nanoTime() - start) / 1_000_000 + " ms");
			this.listing = listing;
			// Lookups now read the listing: what was found by id is in it.
			this.found.clear();
			this.listed = new CatalogDocuments(Map.of(), listing);
			return this.listed;
		}
	}

	/**
	 * List the locations and return what they hold, with the documents found by id so far
	 * (a document found by id and gone since is served as it was found, and counted).
	 */
	private Map<String, FirstUseDocument> list() {
		Map<String, UnreadDocument> listing = this.finders.get(0).list();
		for (DocumentFinder finder : this.finders.subList(1, this.finders.size())) {
			finder.list()
				.forEach((key, document) -> listing.merge(key, document,
						(first, second) -> SameInEvery.of(key, first, second)));
		}
		Map<String, FirstUseDocument> documents = new HashMap<>((int) (listing.size() / 0.75f) + 1);
		listing.forEach((key, document) -> {
			FirstUseDocument found = this.found.get(key);
			documents.put(key, (found != null) ? found : firstUse(OperationId.of(key), document));
		});
		this.found.forEach(documents::putIfAbsent);
		return documents;
	}

	/**
	 * The keys of every document listed, served or not, listing the locations if they
	 * were not yet; {@code contains} finds by id, and is true only of a document served.
	 */
	private final class Keys extends AbstractSet<String> {

		@Override
		public Iterator<String> iterator() {
			return listed().keySet().iterator();
		}

		@Override
		public boolean contains(Object key) {
			return containsKey(key);
		}

		@Override
		public int size() {
			return listed().size();
		}

	}

	/**
	 * The documents served, listing the locations if they were not yet.
	 */
	private final class Entries extends AbstractSet<Map.Entry<String, String>> {

		@Override
		public Iterator<Map.Entry<String, String>> iterator() {
			return listed().entrySet().iterator();
		}

		@Override
		public boolean contains(Object entry) {
			return listed().entrySet().contains(entry);
		}

		@Override
		public int size() {
			return listed().entrySet().size();
		}

	}

	/**
	 * The texts of the documents served, listing the locations if they were not yet.
	 */
	private final class Values extends AbstractCollection<String> {

		@Override
		public Iterator<String> iterator() {
			return listed().values().iterator();
		}

		@Override
		public int size() {
			return listed().values().size();
		}

	}

	/**
	 * A document that several locations hold: served only if they all hold the same text.
	 */
	private record SameInEvery(String key, List<UnreadDocument> documents) implements UnreadDocument {

		static UnreadDocument of(String key, UnreadDocument first, UnreadDocument second) {
			List<UnreadDocument> documents = new ArrayList<>();
			for (UnreadDocument document : List.of(first, second)) {
				if (document instanceof SameInEvery same) {
					documents.addAll(same.documents());
				}
				else {
					documents.add(document);
				}
			}
			return new SameInEvery(key, List.copyOf(documents));
		}

		@Override
		public String source() {
			return this.documents.get(0).source();
		}

		@Override
		public String read() {
			UnreadDocument first = this.documents.get(0);
			String text = first.read();
			for (UnreadDocument other : this.documents.subList(1, this.documents.size())) {
				if (!other.read().equals(text)) {
					throw DocumentLoadException.conflicts(List.of("id '" + this.key + "' has different texts in "
							+ first.source() + " and " + other.source()));
				}
			}
			return text;
		}

	}

}
