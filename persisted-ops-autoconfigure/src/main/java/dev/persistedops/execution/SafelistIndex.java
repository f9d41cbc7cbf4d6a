package dev.persistedops.execution;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Finds the stored document that a sent document is, once both are
 * {@linkplain DocumentNormalizer normalized}: what safelist mode runs instead of the text
 * a client sent.
 * <p>
 * Documents come from two places. A store that can list its documents (files, manifests)
 * gives a snapshot, indexed once per snapshot: when the store loads a new one, the next
 * match indexes it again. A store that cannot list them (Redis, Azure Blob) is learned
 * from: every document looked up or saved through this instance is {@linkplain #learn
 * added}, up to a bound. The answer for each sent text is kept, bounded by size, so a
 * text sent again is not parsed again.
 */
public final class SafelistIndex {

	private static final int ANSWER_OVERHEAD = 96;

	private final Supplier<Map<String, String>> snapshot;

	private volatile Indexed indexed = new Indexed(Map.of(), Map.of(), 0);

	/** Learned documents by their normalized form; entries leave with their key. */
	private final Map<String, Match> learned = new ConcurrentHashMap<>();

	/** Learned keys, bounded, each with its normalized form ("" if it does not parse). */
	private final Cache<String, String> learnedKeys;

	private final AtomicLong learnings = new AtomicLong();

	private final Cache<String, Answer> answers;

	/**
	 * Create an index.
	 * @param snapshot the documents of a store that can list them, by the key they are
	 * stored under (the same map for as long as the store does not reload), or an empty
	 * map
	 * @param maximumLearned the most documents learned from lookups and saves
	 * @param maximumAnswerBytes the most memory the kept answers may take, counting two
	 * bytes a character of the sent text
	 */
	public SafelistIndex(Supplier<Map<String, String>> snapshot, long maximumLearned, long maximumAnswerBytes) {
		Assert.notNull(snapshot, "snapshot is required");
		Assert.isTrue(maximumLearned > 0, "maximumLearned must be positive");
		Assert.isTrue(maximumAnswerBytes > 0, "maximumAnswerBytes must be positive");
		this.snapshot = snapshot;
		this.learnedKeys = Caffeine.newBuilder()
			.maximumSize(maximumLearned)
			.executor(Runnable::run)
			.<String, String>removalListener((key, normalized, cause) -> {
				if (key != null && normalized != null) {
					this.learned.computeIfPresent(normalized, (form, match) -> match.key().equals(key) ? null : match);
				}
			})
			.build();
		this.answers = Caffeine.newBuilder()
			.maximumWeight(maximumAnswerBytes)
			.<String, Answer>weigher(
					(text, answer) -> (int) Math.min(Integer.MAX_VALUE, 2L * text.length() + ANSWER_OVERHEAD))
			.build();
	}

	/**
	 * Return the stored document the given text normalizes to, or {@code null} if there
	 * is none (or the text does not parse).
	 */
	public @Nullable Match match(String text) {
		Indexed current = current();
		long learnings = this.learnings.get();
		Answer answer = this.answers.get(text, (sent) -> answer(current, learnings, sent));
		// An answer from an earlier snapshot, or a "no match" from before a document was
		// learned, may be out of date: work it out again.
		if (answer.snapshot() != current.generation() || (answer.match() == null && answer.learnings() != learnings)) {
			answer = answer(current, learnings, text);
			this.answers.put(text, answer);
		}
		return answer.match();
	}

	private Answer answer(Indexed current, long learnings, String text) {
		String normalized = DocumentNormalizer.normalize(text);
		Match match = null;
		if (normalized != null) {
			match = current.byNormalized().get(normalized);
			if (match == null) {
				match = this.learned.get(normalized);
			}
		}
		return new Answer(match, current.generation(), learnings);
	}

	/**
	 * Add a document that was looked up or saved, unless the snapshot holds its key or it
	 * was learned before.
	 * @param key the key the document is stored under
	 * @param text its exact text
	 */
	public void learn(String key, String text) {
		if (current().documents().containsKey(key) || this.learnedKeys.getIfPresent(key) != null) {
			return;
		}
		String normalized = DocumentNormalizer.normalize(text);
		if (normalized == null) {
			this.learnedKeys.put(key, "");
			return;
		}
		this.learned.put(normalized, new Match(key, text));
		this.learnedKeys.put(key, normalized);
		this.learnings.incrementAndGet();
	}

	private Indexed current() {
		Map<String, String> documents = this.snapshot.get();
		Indexed current = this.indexed;
		if (current.documents() != documents) {
			synchronized (this) {
				current = this.indexed;
				if (current.documents() != documents) {
					current = index(documents, current.generation() + 1);
					this.indexed = current;
					this.answers.invalidateAll();
				}
			}
		}
		return current;
	}

	private static Indexed index(Map<String, String> documents, long generation) {
		Map<String, Match> byNormalized = new HashMap<>();
		documents.forEach((key, text) -> {
			String normalized = DocumentNormalizer.normalize(text);
			if (normalized != null) {
				byNormalized.putIfAbsent(normalized, new Match(key, text));
			}
		});
		return new Indexed(documents, Map.copyOf(byNormalized), generation);
	}

	/**
	 * A stored document that a sent text matched.
	 *
	 * @param key the key the document is stored under
	 * @param text its exact stored text, which is what runs
	 */
	public record Match(String key, String text) {
	}

	private record Indexed(Map<String, String> documents, Map<String, Match> byNormalized, long generation) {
	}

	/**
	 * The answer for a sent text, with what it was worked out from: the snapshot's
	 * generation and how many documents had been learned.
	 */
	private record Answer(@Nullable Match match, long snapshot, long learnings) {
	}

}
