package dev.persistedops.web;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.persistedops.document.OperationId;
import dev.persistedops.execution.SafelistIndex;
import dev.persistedops.store.DocumentRegistry;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.store.memory.InMemoryOperationDocumentStore;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SafelistLearningStore}.
 */
class SafelistLearningStoreTests {

	private static final OperationId HERO_ID = OperationId.of("getHero");

	private static final String HERO = "query Hero { hero { name } }";

	private static final String HERO_REFORMATTED = "# sent by a client\nquery Hero {\n  hero {\n    name\n  }\n}";

	private static final String VILLAIN = "query Villain { villain { name } }";

	private final InMemoryOperationDocumentStore store = new InMemoryOperationDocumentStore();

	private final SafelistIndex index = new SafelistIndex(Map::of, 100, 1_000_000);

	private final SafelistLearningStore learning = new SafelistLearningStore(this.store, this.index);

	@Test
	void lookupTeachesTheIndex() {
		this.store.save(HERO_ID, HERO);
		assertThat(this.index.match(HERO_REFORMATTED)).isNull();
		StepVerifier.create(this.learning.findDocument(HERO_ID)).expectNext(HERO).verifyComplete();
		assertThat(this.index.match(HERO_REFORMATTED)).isEqualTo(new SafelistIndex.Match("getHero", HERO));
	}

	@Test
	void lookupOfAnUnknownIdTeachesNothing() {
		StepVerifier.create(this.learning.findDocument(HERO_ID)).verifyComplete();
		this.store.save(HERO_ID, HERO);
		assertThat(this.index.match(HERO)).isNull();
	}

	@Test
	void lookupBySha256PrefixedIdTeachesTheBareKey() {
		String digest = "a".repeat(64);
		this.store.save(OperationId.of(digest), HERO);
		StepVerifier.create(this.learning.findDocument(OperationId.of("sha256:" + digest)))
			.expectNext(HERO)
			.verifyComplete();
		assertThat(this.index.match(HERO)).isEqualTo(new SafelistIndex.Match(digest, HERO));
	}

	@Test
	void createdSaveTeachesTheIndex() {
		StepVerifier.create(this.learning.save(HERO_ID, HERO, null)).expectNext(SaveOutcome.CREATED).verifyComplete();
		assertThat(this.index.match(HERO_REFORMATTED)).isEqualTo(new SafelistIndex.Match("getHero", HERO));
	}

	@Test
	void unchangedSaveTeachesTheIndex() {
		this.store.save(HERO_ID, HERO);
		StepVerifier.create(this.learning.save(HERO_ID, HERO, Duration.ofMinutes(5)))
			.expectNext(SaveOutcome.UNCHANGED)
			.verifyComplete();
		assertThat(this.index.match(HERO_REFORMATTED)).isEqualTo(new SafelistIndex.Match("getHero", HERO));
	}

	@Test
	void conflictingSaveDoesNotTeachTheRefusedText() {
		this.store.save(HERO_ID, HERO);
		StepVerifier.create(this.learning.save(HERO_ID, VILLAIN, null))
			.expectNext(SaveOutcome.CONFLICT)
			.verifyComplete();
		assertThat(this.index.match(VILLAIN)).isNull();
	}

	@Test
	void saveIsDelegated() {
		this.learning.save(HERO_ID, HERO, null).block();
		StepVerifier.create(this.store.findDocument(HERO_ID)).expectNext(HERO).verifyComplete();
	}

	@Test
	void sharedIsTheDelegates() {
		assertThat(this.learning.isShared()).isFalse();
		InMemoryOperationDocumentStore shared = new InMemoryOperationDocumentStore() {

			@Override
			public boolean isShared() {
				return true;
			}

		};
		assertThat(new SafelistLearningStore(shared, this.index).isShared()).isTrue();
	}

	@Test
	void registryWhoseLookupsAreItsRegistrationsLearnsFromBoth() {
		DocumentRegistry registry = SafelistLearningStore.around(new DocumentRegistry(this.store, this.store),
				this.index);
		assertThat(registry.lookups()).isSameAs(registry.registrations()).isInstanceOf(SafelistLearningStore.class);
		this.store.save(HERO_ID, HERO);
		registry.lookups().findDocument(HERO_ID).block();
		registry.registrations().save(OperationId.of("getVillain"), VILLAIN, null).block();
		assertThat(this.index.match(HERO)).isNotNull();
		assertThat(this.index.match(VILLAIN)).isNotNull();
	}

	@Test
	void registryWithWritableLookupsLearnsFromLookupsAndRegistrations() {
		InMemoryOperationDocumentStore lookups = new InMemoryOperationDocumentStore();
		lookups.save(HERO_ID, HERO);
		DocumentRegistry registry = SafelistLearningStore.around(new DocumentRegistry(lookups, this.store), this.index);
		registry.lookups().findDocument(HERO_ID).block();
		registry.registrations().save(OperationId.of("getVillain"), VILLAIN, null).block();
		assertThat(this.index.match(HERO)).isEqualTo(new SafelistIndex.Match("getHero", HERO));
		assertThat(this.index.match(VILLAIN)).isEqualTo(new SafelistIndex.Match("getVillain", VILLAIN));
	}

	@Test
	void registryWithReadOnlyLookupsKeepsThemAndLearnsFromRegistrations() {
		OperationDocumentStore readOnly = (id) -> Mono.just(HERO);
		DocumentRegistry registry = SafelistLearningStore.around(new DocumentRegistry(readOnly, this.store),
				this.index);
		assertThat(registry.lookups()).isSameAs(readOnly);
		assertThat(registry.registrations()).isInstanceOf(SafelistLearningStore.class);
		registry.registrations().save(OperationId.of("getVillain"), VILLAIN, null).block();
		assertThat(this.index.match(VILLAIN)).isNotNull();
	}

}
