package dev.persistedops.store;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashedIdVerifier;
import dev.persistedops.document.OperationId;

import org.springframework.util.Assert;

/**
 * An immutable set of documents loaded once at startup (from directories or manifests)
 * and verified as a whole: a lookup is a map read, with no path built from the id. Create
 * one with {@link #builder(DocumentHasher, HashMismatchAction)}.
 * <p>
 * A loader may also add documents it found but did not read
 * ({@link Builder#addUnread(OperationId, UnreadDocument)}): each is read, and its id
 * checked against its text, on its first lookup or when {@link #documents()} is iterated.
 * One that fails then is not served, and the reason is logged.
 * <p>
 * Or a loader may add its locations unlisted
 * ({@link Builder#addUnlisted(DocumentFinder)}): their documents are found by id (a path
 * built from an id whose segments {@link OperationId} has checked: none is empty,
 * {@code .} or {@code ..}), read on their first use, and the locations listed only when
 * every document is asked for.
 */
public final class DocumentCatalog implements ListableOperationDocumentStore {

	private final Map<String, String> documents;

	private final Map<String, Supplier<String>> sources;

	private final Map<String, FirstUseDocument> unread;

	private final @Nullable UnlistedDocuments unlisted;

	private DocumentCatalog(Map<String, String> documents, Map<String, Supplier<String>> sources,
			Map<String, FirstUseDocument> unread) {
		this.documents = unread.isEmpty() ? Collections.unmodifiableMap(documents)
				: new CatalogDocuments(documents, unread);
		this.sources = Collections.unmodifiableMap(sources);
		this.unread = unread;
		this.unlisted = null;
	}

	private DocumentCatalog(UnlistedDocuments unlisted) {
		this.documents = unlisted;
		this.sources = Map.of();
		this.unread = Map.of();
		this.unlisted = unlisted;
	}

	/**
	 * Start a catalog whose hash-shaped ids are verified against their text.
	 * @param hasher the configured hasher, which decides what a base64url id looks like
	 * @param onMismatch whether a mismatch fails the load or is only logged
	 */
	public static Builder builder(DocumentHasher hasher, HashMismatchAction onMismatch) {
		return new Builder(hasher, onMismatch);
	}

	/**
	 * Find a document. One added unread is read on its first lookup on a thread that may
	 * block, not on the caller's (an event loop, in WebFlux).
	 */
	@Override
	public Mono<String> findDocument(OperationId id) {
		if (this.unlisted != null) {
			return this.unlisted.find(id);
		}
		if (!this.unread.isEmpty()) {
			FirstUseDocument document = this.unread.get(id.key());
			if (document != null && !document.isRead()) {
				return Mono.fromCallable(document::text).subscribeOn(Schedulers.boundedElastic());
			}
		}
		return Mono.justOrEmpty(this.documents.get(id.key()));
	}

	/**
	 * Return whether the catalog holds documents read on their first use
	 * ({@link Builder#addUnread(OperationId, UnreadDocument)}) or found by id
	 * ({@link Builder#addUnlisted(DocumentFinder)}).
	 */
	public boolean readsOnFirstUse() {
		return this.unlisted != null || !this.unread.isEmpty();
	}

	/**
	 * Return whether the catalog knows every document it holds: false for one whose
	 * locations were added unlisted and have not been listed yet.
	 */
	@Override
	public boolean isListed() {
		return this.unlisted == null || this.unlisted.isListed();
	}

	/**
	 * Return the keys of every document in the catalog, listing its locations if they
	 * were added unlisted.
	 */
	public Set<String> ids() {
		return this.documents.keySet();
	}

	/**
	 * Return every document in the catalog, by the key it is stored under. A document
	 * added unread is read when it is first looked up or iterated over; one that is not
	 * served then is left out of the iteration, though counted in the size.
	 */
	@Override
	public Map<String, String> documents() {
		return this.documents;
	}

	/**
	 * Return where the document stored under the given key was loaded from (a file, or a
	 * file and a manifest entry), or {@code null} if the catalog does not hold the key.
	 */
	@Override
	public @Nullable String sourceOf(String key) {
		if (this.unlisted != null) {
			return this.unlisted.sourceOf(key);
		}
		FirstUseDocument document = this.unread.get(key);
		if (document != null) {
			return document.source();
		}
		Supplier<String> source = this.sources.get(key);
		return (source != null) ? source.get() : null;
	}

	/**
	 * Return the number of documents in the catalog, listing its locations if they were
	 * added unlisted.
	 */
	public int size() {
		return this.documents.size();
	}

	/**
	 * Return why a hash-shaped id is not the hash of its text, or {@code null} if it is
	 * (or is not hash-shaped).
	 * @param source where the text is from, asked for only if the id does not match it
	 */
	static @Nullable String mismatch(HashedIdVerifier verifier, OperationId id, String text, Supplier<String> source) {
		if (verifier.verify(id, text)) {
			return null;
		}
		DocumentHasher claimed = verifier.claimedHasher(id);
		Assert.state(claimed != null, "Only a hash-shaped id can fail verification");
		return source.get() + ": id '" + id + "' is not the " + describe(claimed) + " of its text (the text hashes to "
				+ claimed.hash(text) + ")";
	}

	private static String describe(DocumentHasher hasher) {
		return hasher.algorithm().name().toLowerCase() + " " + hasher.encoding().name().toLowerCase();
	}

	/**
	 * A document added to a builder, whose id is checked against its text when the
	 * catalog is built.
	 */
	private record Added(OperationId id, String text, Supplier<String> source) {
	}

	/**
	 * Collects documents from any number of sources, then checks them together.
	 */
	public static final class Builder {

		private static final Log logger = LogFactory.getLog(DocumentCatalog.class);

		private final HashedIdVerifier verifier;

		private final HashMismatchAction onMismatch;

		private final Map<String, String> documents = new HashMap<>();

		private final Map<String, Supplier<String>> sources = new HashMap<>();

		private final Map<String, FirstUseDocument> unread = new HashMap<>();

		private final List<String> conflicts = new ArrayList<>();

		private final List<Added> toVerify = new ArrayList<>();

		private final List<DocumentFinder> unlisted = new ArrayList<>();

		private boolean built;

		private Builder(DocumentHasher hasher, HashMismatchAction onMismatch) {
			Assert.notNull(onMismatch, "onMismatch is required");
			this.verifier = new HashedIdVerifier(hasher);
			this.onMismatch = onMismatch;
		}

		/**
		 * Add a document.
		 * @param id the id it is stored under
		 * @param text its exact text
		 * @param source where it came from, for messages (a file, or a file and an entry)
		 * @return this builder
		 */
		public Builder add(OperationId id, String text, String source) {
			return add(id, text, () -> source);
		}

		/**
		 * Add a document whose source is described only when a message or
		 * {@link DocumentCatalog#sourceOf(String)} needs it: a loader of many files then
		 * builds no description for each of them.
		 * @param id the id it is stored under
		 * @param text its exact text
		 * @param source where it came from, for messages (a file, or a file and an
		 * entry): asked for on the thread that builds the catalog or asks for its source,
		 * each time it is needed, so it should be cheap and keep little
		 * @return this builder
		 */
		public Builder add(OperationId id, String text, Supplier<String> source) {
			Assert.state(!this.built, "The catalog is built: start another one");
			readIfUnread(id.key());
			String existing = this.documents.putIfAbsent(id.key(), text);
			if (existing != null) {
				if (!existing.equals(text)) {
					this.conflicts
						.add("id '" + id + "' has different texts in " + sourceOf(id.key()) + " and " + source.get());
				}
				return this;
			}
			this.sources.put(id.key(), source);
			this.toVerify.add(new Added(id, text, source));
			return this;
		}

		/**
		 * Add a document found but not read: it is read, and its id checked against its
		 * text, on its first use. An id that another source has too is read at once, to
		 * compare the two texts.
		 * @param id the id it is stored under
		 * @param document where it is, and how to read it
		 * @return this builder
		 */
		public Builder addUnread(OperationId id, UnreadDocument document) {
			Assert.state(!this.built, "The catalog is built: start another one");
			String key = id.key();
			if (!this.documents.containsKey(key) && this.unread.putIfAbsent(key,
					new FirstUseDocument(id, document, this.verifier, this.onMismatch)) == null) {
				return this;
			}
			// Another source has the id too: read this one now, to compare the texts.
			return add(id, document.read(), document.source());
		}

		/**
		 * Add a location whose documents are found by id, each read, and its id checked
		 * against its text, on its first use; the location is listed only when every
		 * document is asked for. A catalog of such locations holds no others.
		 * @param finder finds the location's documents
		 * @return this builder
		 */
		public Builder addUnlisted(DocumentFinder finder) {
			Assert.state(!this.built, "The catalog is built: start another one");
			Assert.notNull(finder, "finder is required");
			this.unlisted.add(finder);
			return this;
		}

		/**
		 * Check every document added against its id, hashing in parallel where there are
		 * cores to hash with, and return why each one that does not match fails, sorted:
		 * the same documents are reported in the same order however they were read.
		 */
		private List<String> mismatches() {
			List<Added> mismatched = this.toVerify.parallelStream()
				.filter((added) -> !this.verifier.verify(added.id(), added.text()))
				.toList();
			// The messages, and the sources they name, on the caller's thread.
			return mismatched.stream()
				.map((added) -> mismatch(this.verifier, added.id(), added.text(), added.source()))
				.filter(Objects::nonNull)
				.sorted()
				.toList();
		}

		/**
		 * Return where a document added earlier came from.
		 */
		private String sourceOf(String key) {
			Supplier<String> source = this.sources.get(key);
			Assert.state(source != null, () -> "No source for '" + key + "'");
			return source.get();
		}

		/**
		 * Read, now, a document added unread under the given key, if there is one, so
		 * that another text can be compared with it.
		 */
		private void readIfUnread(String key) {
			if (this.unread.isEmpty()) {
				return;
			}
			FirstUseDocument document = this.unread.remove(key);
			if (document != null) {
				add(document.id(), document.readNow(), document.source());
			}
		}

		/**
		 * Add the documents of every location with the given loader.
		 * @param loader how to read a location
		 * @param locations the locations; at least one
		 * @return this builder
		 * @throws DocumentLoadException if no location is given, or one cannot be loaded
		 */
		public Builder load(DocumentLoader loader, List<String> locations) {
			if (locations.isEmpty()) {
				throw DocumentLoadException.location("(none)", "is given: at least one location is required");
			}
			locations.forEach((location) -> loader.load(location, this));
			return this;
		}

		/**
		 * Add the documents of every location with the given loader, if there are any.
		 * @param loader how to read a location
		 * @param locations the locations, possibly none
		 * @return this builder
		 * @throws DocumentLoadException if a location cannot be loaded
		 */
		public Builder loadIfAny(DocumentLoader loader, List<String> locations) {
			locations.forEach((location) -> loader.load(location, this));
			return this;
		}

		/**
		 * Check what was added and return the catalog. Nothing can be added after.
		 * @throws DocumentLoadException if two sources disagree on an id, or a
		 * hash-shaped id does not match its text and mismatches fail the load
		 */
		public DocumentCatalog build() {
			List<String> mismatches = mismatches();
			List<String> problems = new ArrayList<>(this.conflicts);
			boolean failOnMismatch = this.onMismatch == HashMismatchAction.FAIL;
			if (failOnMismatch) {
				problems.addAll(mismatches);
			}
			else {
				mismatches.forEach((mismatch) -> logger.warn("Loaded despite a hash mismatch: " + mismatch));
			}
			if (failOnMismatch && !mismatches.isEmpty()) {
				throw DocumentLoadException.content(problems);
			}
			if (!problems.isEmpty()) {
				throw DocumentLoadException.conflicts(problems);
			}
			if (!this.unlisted.isEmpty()) {
				Assert.state(this.documents.isEmpty() && this.unread.isEmpty(),
						"A catalog of unlisted locations holds no other documents");
				this.built = true;
				return new DocumentCatalog(new UnlistedDocuments(this.unlisted, this.verifier, this.onMismatch));
			}
			// The catalog takes the maps over, rather than copy 100,000 entries: nothing
			// can be added once it is built.
			this.built = true;
			return new DocumentCatalog(this.documents, this.sources, this.unread);
		}

	}

}
