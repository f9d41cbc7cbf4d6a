package dev.persistedops.execution;

import java.util.Map;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * The parsed and validated form of persisted documents, keyed by their text and bounded
 * by entry count and by size: an entry weighs four bytes a character of its text (the
 * text and its syntax tree) and at least {@code maximumBytes / maximumSize}. Persisted
 * documents are immutable, so an entry never goes stale; loading is atomic per document,
 * so concurrent first requests parse it once.
 */
public final class PersistedDocumentCache {

	private final Cache<String, PreparsedDocumentEntry> entries;

	private final long maximumSize;

	/**
	 * Create a cache that keeps at most the given number of documents.
	 */
	public PersistedDocumentCache(long maximumSize) {
		this(maximumSize, maximumSize * 1024 * 1024);
	}

	/**
	 * Create a cache bounded by entry count and by size.
	 * @param maximumSize the most documents kept
	 * @param maximumBytes the most bytes the kept documents may take
	 */
	public PersistedDocumentCache(long maximumSize, long maximumBytes) {
		Assert.isTrue(maximumSize > 0, "maximumSize must be positive");
		Assert.isTrue(maximumBytes > 0, "maximumBytes must be positive");
		Assert.isTrue(maximumBytes / maximumSize <= Integer.MAX_VALUE,
				"maximumBytes / maximumSize must be at most 2 GB, or the entry bound would not hold");
		this.maximumSize = maximumSize;
		long minimumWeight = Math.max(1, maximumBytes / maximumSize);
		// Statistics are recorded so that metrics can show hit ratios and evictions.
		this.entries = Caffeine.newBuilder()
			.recordStats()
			.maximumWeight(maximumBytes)
			.<String, PreparsedDocumentEntry>weigher(
					(text, entry) -> (int) Math.min(Integer.MAX_VALUE, Math.max(minimumWeight, 4L * text.length())))
			.build();
	}

	/**
	 * Return the most documents this cache keeps.
	 */
	public long maximumSize() {
		return this.maximumSize;
	}

	/**
	 * Return the entry for the given document text, parsing and validating it on first
	 * use.
	 */
	public PreparsedDocumentEntry get(String text, Supplier<PreparsedDocumentEntry> parseAndValidate) {
		return this.entries.get(text, (key) -> parseAndValidate.get());
	}

	/**
	 * Keep the given entries, computed ahead of the first request of their documents
	 * exactly as {@link PersistedDocumentProvider} would compute them then. A text
	 * already cached keeps its entry.
	 * @param entries parsed and validated documents, by their exact text
	 */
	public void prewarm(Map<String, PreparsedDocumentEntry> entries) {
		entries.forEach(this.entries.asMap()::putIfAbsent);
	}

	/**
	 * Return the parsed form of a document already executed once, or {@code null}.
	 */
	public @Nullable Document parsedDocument(String text) {
		PreparsedDocumentEntry entry = this.entries.getIfPresent(text);
		return (entry != null && !entry.hasErrors()) ? entry.getDocument() : null;
	}

	/**
	 * Return the underlying cache, keyed by document text, for metrics (its statistics
	 * are recorded).
	 */
	public Cache<String, PreparsedDocumentEntry> cache() {
		return this.entries;
	}

	/**
	 * Return how many documents are cached.
	 */
	public long size() {
		this.entries.cleanUp();
		return this.entries.estimatedSize();
	}

}
