package dev.persistedops.store;

import com.github.benmanes.caffeine.cache.Weigher;

import org.springframework.util.Assert;

/**
 * How much memory a cached document takes, for caches bounded both by entry count and by
 * bytes: an entry weighs its id and text (two bytes a character) plus a fixed overhead,
 * and at least {@code maximumBytes / maximumSize}, so that neither bound can be exceeded.
 */
public final class DocumentWeigher implements Weigher<String, String> {

	/**
	 * What an entry costs beyond its id and text: node, references, and a future where
	 * async.
	 */
	private static final long ENTRY_OVERHEAD = 160;

	private final long minimumWeight;

	private DocumentWeigher(long minimumWeight) {
		this.minimumWeight = minimumWeight;
	}

	/**
	 * Return the weigher for a cache that holds at most the given number of documents and
	 * bytes.
	 * @param maximumSize the most documents kept
	 * @param maximumBytes the most bytes the kept documents may take
	 * @throws IllegalArgumentException if a bound is not positive, or the bytes per entry
	 * do not fit a weight
	 */
	public static DocumentWeigher bounding(long maximumSize, long maximumBytes) {
		Assert.isTrue(maximumSize > 0, "The maximum size must be positive");
		Assert.isTrue(maximumBytes > 0, "The maximum bytes must be positive");
		Assert.isTrue(maximumBytes / maximumSize <= Integer.MAX_VALUE,
				"The maximum bytes per entry (maximum bytes / maximum size) must be at most 2 GB");
		return new DocumentWeigher(maximumBytes / maximumSize);
	}

	@Override
	public int weigh(String id, String text) {
		long weight = Math.max(this.minimumWeight, 2L * (id.length() + text.length()) + ENTRY_OVERHEAD);
		return (int) Math.min(Integer.MAX_VALUE, weight);
	}

}
