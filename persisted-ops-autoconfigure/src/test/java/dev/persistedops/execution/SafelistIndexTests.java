package dev.persistedops.execution;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SafelistIndex}.
 */
class SafelistIndexTests {

	private static final String HERO = "query Hero { hero { name } }";

	private static final String HERO_REFORMATTED = """
			# the hero
			query Hero {
			  hero {
			    name
			  }
			}
			""";

	private static final String VILLAIN = "query Villain { villain { name } }";

	@Test
	void sentTextMatchesTheSnapshotDocumentItNormalizesTo() {
		SafelistIndex index = new SafelistIndex(() -> Map.of("hero", HERO, "villain", VILLAIN), 10, 1_000_000);
		assertThat(index.match(HERO_REFORMATTED)).isEqualTo(new SafelistIndex.Match("hero", HERO));
		assertThat(index.match(HERO)).isEqualTo(new SafelistIndex.Match("hero", HERO));
		assertThat(index.match("query Villain{villain{name}}")).isEqualTo(new SafelistIndex.Match("villain", VILLAIN));
	}

	@Test
	void textThatDiffersFromEveryDocumentMatchesNothing() {
		SafelistIndex index = new SafelistIndex(() -> Map.of("hero", HERO), 10, 1_000_000);
		assertThat(index.match("query Hero { hero { name id } }")).isNull();
		assertThat(index.match("query Hero { hero { title: name } }")).isNull();
	}

	@Test
	void textThatDoesNotParseMatchesNothing() {
		SafelistIndex index = new SafelistIndex(() -> Map.of("hero", HERO), 10, 1_000_000);
		assertThat(index.match("query Hero { hero { name }")).isNull();
	}

	@Test
	void snapshotIsIndexedOnceForAsLongAsItIsTheSameMap() {
		CountingMap snapshot = new CountingMap(Map.of("hero", HERO, "villain", VILLAIN));
		AtomicInteger supplied = new AtomicInteger();
		SafelistIndex index = new SafelistIndex(() -> {
			supplied.incrementAndGet();
			return snapshot;
		}, 10, 1_000_000);
		for (int i = 0; i < 100; i++) {
			assertThat(index.match(HERO_REFORMATTED)).isNotNull();
			assertThat(index.match("query Villain { villain { name } } # " + i)).isNotNull();
			assertThat(index.match("query Other { other } # " + i)).isNull();
		}
		assertThat(supplied).hasValueGreaterThanOrEqualTo(100);
		assertThat(snapshot.iterations).hasValue(1);
	}

	@Test
	void documentAddedToTheSameMapIsNotSeenBecauseTheMapIsNotIndexedAgain() {
		Map<String, String> snapshot = new HashMap<>(Map.of("hero", HERO));
		SafelistIndex index = new SafelistIndex(() -> snapshot, 10, 1_000_000);
		assertThat(index.match(HERO)).isNotNull();
		snapshot.put("villain", VILLAIN);
		assertThat(index.match(VILLAIN)).isNull();
	}

	@Test
	void newSnapshotMapIsIndexedAgainAndAnswersOfTheOldOneAreDropped() {
		CountingMap first = new CountingMap(Map.of("hero", HERO));
		CountingMap second = new CountingMap(Map.of("hero-v2", HERO, "villain", VILLAIN));
		AtomicReference<Map<String, String>> current = new AtomicReference<>(first);
		SafelistIndex index = new SafelistIndex(current::get, 10, 1_000_000);
		assertThat(index.match(HERO_REFORMATTED)).extracting(SafelistIndex.Match::key).isEqualTo("hero");
		assertThat(index.match(VILLAIN)).isNull();
		current.set(second);
		assertThat(index.match(HERO_REFORMATTED)).extracting(SafelistIndex.Match::key).isEqualTo("hero-v2");
		assertThat(index.match(VILLAIN)).isEqualTo(new SafelistIndex.Match("villain", VILLAIN));
		assertThat(index.match(HERO)).isNotNull();
		assertThat(first.iterations).hasValue(1);
		assertThat(second.iterations).hasValue(1);
	}

	@Test
	void learnedDocumentMatches() {
		SafelistIndex index = new SafelistIndex(Map::of, 10, 1_000_000);
		index.learn("hero", HERO);
		assertThat(index.match(HERO_REFORMATTED)).isEqualTo(new SafelistIndex.Match("hero", HERO));
		assertThat(index.match(VILLAIN)).isNull();
	}

	@Test
	void learnedDocumentsOutliveANewSnapshot() {
		AtomicReference<Map<String, String>> current = new AtomicReference<>(Map.of());
		SafelistIndex index = new SafelistIndex(current::get, 10, 1_000_000);
		index.learn("hero", HERO);
		current.set(Map.of("villain", VILLAIN));
		assertThat(index.match(HERO_REFORMATTED)).extracting(SafelistIndex.Match::key).isEqualTo("hero");
		assertThat(index.match(VILLAIN)).extracting(SafelistIndex.Match::key).isEqualTo("villain");
	}

	@Test
	void learningAKeyTheSnapshotHoldsDoesNothing() {
		SafelistIndex index = new SafelistIndex(() -> Map.of("hero", HERO), 10, 1_000_000);
		index.learn("hero", VILLAIN);
		assertThat(index.match(VILLAIN)).isNull();
		assertThat(index.match(HERO)).isEqualTo(new SafelistIndex.Match("hero", HERO));
	}

	@Test
	void learningAKeyLearnedBeforeDoesNothing() {
		SafelistIndex index = new SafelistIndex(Map::of, 10, 1_000_000);
		index.learn("hero", HERO);
		index.learn("hero", VILLAIN);
		assertThat(index.match(VILLAIN)).isNull();
		assertThat(index.match(HERO)).extracting(SafelistIndex.Match::key).isEqualTo("hero");
	}

	@Test
	void learningTextThatDoesNotParseMatchesNothing() {
		SafelistIndex index = new SafelistIndex(Map::of, 10, 1_000_000);
		index.learn("broken", "query Hero { hero {");
		assertThat(index.match("query Hero { hero {")).isNull();
	}

	@Test
	void noMatchAnswerKeptEarlierIsDroppedOnceAMatchingDocumentIsLearned() {
		SafelistIndex index = new SafelistIndex(Map::of, 10, 1_000_000);
		assertThat(index.match(HERO_REFORMATTED)).isNull();
		assertThat(index.match(HERO_REFORMATTED)).isNull();
		index.learn("hero", HERO);
		assertThat(index.match(HERO_REFORMATTED)).isEqualTo(new SafelistIndex.Match("hero", HERO));
	}

	@Test
	void answerForASentTextIsKeptSoTheTextIsNotLookedUpAgain() {
		SafelistIndex index = new SafelistIndex(Map::of, 10, 1_000_000);
		index.learn("hero", HERO);
		assertThat(index.match(HERO_REFORMATTED)).extracting(SafelistIndex.Match::key).isEqualTo("hero");
		// The same document learned under a second key replaces the first in the learned
		// documents: a text looked up again would now match the second key.
		index.learn("hero-again", "query Hero{hero{name}}");
		assertThat(index.match("query Hero {\n hero { name } }")).extracting(SafelistIndex.Match::key)
			.isEqualTo("hero-again");
		assertThat(index.match(HERO_REFORMATTED)).extracting(SafelistIndex.Match::key).isEqualTo("hero");
	}

	@Test
	void learnedDocumentsStayWithinMaximumLearned() {
		SafelistIndex index = new SafelistIndex(Map::of, 10, 100_000_000);
		for (int i = 0; i < 1_000; i++) {
			index.learn("key" + i, "query Q" + i + " { field" + i + " }");
		}
		awaitCacheMaintenance();
		int matched = 0;
		for (int i = 0; i < 1_000; i++) {
			if (index.match("query Q" + i + " { field" + i + " }") != null) {
				matched++;
			}
		}
		assertThat(matched).isBetween(1, 10);
	}

	@Test
	void floodOfDistinctLargeTextsKeepsAnswersWithinTheirByteBound() {
		long maximumAnswerBytes = 100_000;
		SafelistIndex index = new SafelistIndex(Map::of, 10, maximumAnswerBytes);
		index.learn("first", "{ greeting }");
		String padding = "x".repeat(10_000);
		int texts = 1_000;
		for (int i = 0; i < texts; i++) {
			assertThat(index.match(floodText(padding, i))).extracting(SafelistIndex.Match::key).isEqualTo("first");
		}
		// Every flood text normalizes to the learned document; learned again under a
		// second key, a text whose answer was kept still answers the first key, one whose
		// answer was dropped the second. So the first-key answers are the kept ones.
		index.learn("second", "{greeting}");
		awaitCacheMaintenance();
		int kept = 0;
		for (int i = texts - 1; i >= 0; i--) {
			SafelistIndex.Match match = index.match(floodText(padding, i));
			assertThat(match).isNotNull();
			if (match.key().equals("first")) {
				kept++;
			}
		}
		long answerBytes = 2L * floodText(padding, 0).length();
		assertThat(kept).isLessThanOrEqualTo((int) (maximumAnswerBytes / answerBytes));
	}

	private static String floodText(String padding, int i) {
		return "# " + padding + String.format("%05d", i) + "\n{ greeting }";
	}

	/**
	 * Caffeine evicts on the common pool after a write: wait until it has, so that what
	 * is kept is within the bounds.
	 */
	private static void awaitCacheMaintenance() {
		ForkJoinPool.commonPool().awaitQuiescence(10, TimeUnit.SECONDS);
	}

	/**
	 * A snapshot map that counts how often it is iterated, that is, indexed.
	 */
	static final class CountingMap extends HashMap<String, String> {

		final AtomicInteger iterations = new AtomicInteger();

		CountingMap(Map<String, String> documents) {
			super(documents);
		}

		@Override
		public void forEach(BiConsumer<? super String, ? super String> action) {
			this.iterations.incrementAndGet();
			super.forEach(action);
		}

	}

}
