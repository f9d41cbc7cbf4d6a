package dev.persistedops.execution;

import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The parsed and validated form of persisted documents, keyed by their text and bounded by
 * entry count. Persisted documents are immutable, so an entry never goes stale; loading is
 * atomic per document, so concurrent first requests parse it once.
 */
public final class PersistedDocumentCache {

	private final Cache<String, PreparsedDocumentEntry> entries;

	/**
	 * Create a cache that keeps at most the given number of documents.
	 */
	public PersistedDocumentCache(long maximumSize) {
		Assert.isTrue(maximumSize > 0, "maximumSize must be positive");
		this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build();
	}

	/**
	 * Return the entry for the given document text, parsing and validating it on first use.
	 */
	public PreparsedDocumentEntry get(String text, Supplier<PreparsedDocumentEntry> parseAndValidate) {
		return this.entries.get(text, (key) -> parseAndValidate.get());
	}

	/**
	 * Return the parsed form of a document already executed once, or {@code null}.
	 */
	public @Nullable Document parsedDocument(String text) {
		PreparsedDocumentEntry entry = this.entries.getIfPresent(text);
		return (entry != null && !entry.hasErrors()) ? entry.getDocument() : null;
	}

	/**
	 * Whether the given document was executed once and is valid against the schema. A document
	 * no longer cached counts as not known to be valid.
	 */
	public boolean isKnownValid(String text) {
		PreparsedDocumentEntry entry = this.entries.getIfPresent(text);
		return entry != null && !entry.hasErrors();
	}

	/**
	 * Return how many documents are cached.
	 */
	public long size() {
		this.entries.cleanUp();
		return this.entries.estimatedSize();
	}

}
