package dev.persistedops.store.redis;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.persistedops.document.InvalidOperationIdException;
import dev.persistedops.document.OperationId;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.test.RedisTestServer;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link RedisOperationDocumentStore} against a real Redis.
 */
class RedisOperationDocumentStoreTests {

	private static final String TEXT = "query Greeting { greeting }";

	private static RedisTestServer server;

	private static LettuceConnectionFactory connectionFactory;

	private static ReactiveStringRedisTemplate template;

	@BeforeAll
	static void startRedis() {
		server = RedisTestServer.launch();
		connectionFactory = new LettuceConnectionFactory(server.host(), server.port());
		connectionFactory.start();
		template = new ReactiveStringRedisTemplate(connectionFactory);
	}

	@AfterAll
	static void stopRedis() {
		connectionFactory.destroy();
		server.close();
	}

	@BeforeEach
	void flush() {
		server.flushAll();
	}

	private static RedisOperationDocumentStore store(String prefix) {
		return new RedisOperationDocumentStore(template, prefix);
	}

	private static String find(RedisOperationDocumentStore store, String id) {
		return store.findDocument(OperationId.of(id)).block();
	}

	@Test
	void findsTheDocumentStoredUnderPrefixAndId() {
		server.call((redis) -> redis.set("persisted-ops:abc", TEXT));
		assertThat(find(store("persisted-ops:"), "abc")).isEqualTo(TEXT);
	}

	@Test
	void missingDocumentIsEmpty() {
		assertThat(find(store("persisted-ops:"), "abc")).isNull();
	}

	@Test
	void emptyPrefixReadsBareIdsAsHotChocolateStoresThem() {
		String id = "0123456789abcdef0123456789abcdef";
		server.call((redis) -> redis.set(id, TEXT));
		assertThat(find(store(""), id)).isEqualTo(TEXT);
		assertThat(find(store("persisted-ops:"), id)).isNull();
	}

	@Test
	void emptyPrefixDoesNotLetAClientNameTheApplicationsOwnKeys() {
		server.call((redis) -> redis.set("app:api-token", "sk_live_secret"));
		server.resetStats();
		assertThat(find(store(""), "app:api-token")).isNull();
		assertThat(server.commandCalls("get")).isZero();
	}

	@Test
	void keyThatDoesNotHoldAStringIsAbsent() {
		server.call((redis) -> redis.hset("p:abc", "field", "value"));
		assertThat(find(store("p:"), "abc")).isNull();
	}

	@Test
	void republishingRefreshesOrClearsTheTimeToLive() {
		RedisOperationDocumentStore store = store("p:");
		OperationId id = OperationId.of("abc");
		assertThat(store.save(id, TEXT, Duration.ofSeconds(10)).block()).isEqualTo(SaveOutcome.CREATED);
		assertThat(store.save(id, TEXT, Duration.ofHours(1)).block()).isEqualTo(SaveOutcome.UNCHANGED);
		assertThat(server.<Long>call((redis) -> redis.pttl("p:abc"))).isGreaterThan(3_500_000L);
		assertThat(store.save(id, TEXT, null).block()).isEqualTo(SaveOutcome.UNCHANGED);
		assertThat(server.<Long>call((redis) -> redis.pttl("p:abc"))).isEqualTo(-1L);
	}

	@Test
	void saveIntoAnEmptyValueStoresTheText() {
		server.call((redis) -> redis.set("p:abc", ""));
		assertThat(store("p:").save(OperationId.of("abc"), TEXT, null).block()).isEqualTo(SaveOutcome.CREATED);
		assertThat(find(store("p:"), "abc")).isEqualTo(TEXT);
	}

	@Test
	void namespacedIdIsThePrefixFollowedByClientSlashAlias() {
		server.call((redis) -> redis.set("ops:ios/abc", TEXT));
		RedisOperationDocumentStore store = store("ops:");
		assertThat(store.keyOf(OperationId.of("ios/abc"))).isEqualTo("ops:ios/abc");
		assertThat(find(store, "ios/abc")).isEqualTo(TEXT);
	}

	@Test
	void sha256PrefixedIdReadsTheBareDigest() {
		String digest = "b".repeat(64);
		server.call((redis) -> redis.set("p:" + digest, TEXT));
		assertThat(find(store("p:"), "sha256:" + digest)).isEqualTo(TEXT);
	}

	@Test
	void emptyValueIsAbsent() {
		server.call((redis) -> redis.set("p:abc", ""));
		assertThat(find(store("p:"), "abc")).isNull();
	}

	@Test
	void saveCreatesThenLeavesTheSameTextAndRefusesAnother() {
		RedisOperationDocumentStore store = store("p:");
		OperationId id = OperationId.of("abc");
		assertThat(store.save(id, TEXT, null).block()).isEqualTo(SaveOutcome.CREATED);
		assertThat(store.save(id, TEXT, null).block()).isEqualTo(SaveOutcome.UNCHANGED);
		assertThat(store.save(id, "mutation Evil { drop }", null).block()).isEqualTo(SaveOutcome.CONFLICT);
		assertThat(server.<String>call((redis) -> redis.get("p:abc"))).isEqualTo(TEXT);
		assertThat(server.<Long>call((redis) -> redis.pttl("p:abc"))).isEqualTo(-1L);
	}

	@Test
	void saveWithATimeToLiveExpires() throws InterruptedException {
		RedisOperationDocumentStore store = store("p:");
		store.save(OperationId.of("abc"), TEXT, Duration.ofMillis(400)).block();
		assertThat(server.<Long>call((redis) -> redis.pttl("p:abc"))).isBetween(1L, 400L);
		Thread.sleep(600);
		assertThat(find(store, "abc")).isNull();
		assertThat(store.save(OperationId.of("abc"), "query Other { other }", null).block())
			.isEqualTo(SaveOutcome.CREATED);
	}

	@Test
	void lookupsReadOneKeyByNameAndNeverByPattern() {
		server.call((redis) -> redis.set("p:a1", TEXT));
		server.resetStats();
		find(store("p:"), "a1");
		find(store("p:"), "a2");
		assertThat(server.commandCalls()).containsEntry("get", 2L)
			.doesNotContainKeys("keys", "scan", "mget", "eval", "set");
	}

	@ParameterizedTest
	@ValueSource(strings = { "*", "a*", "a?", "[ab]", "a\r\nFLUSHALL", "a b", "a\\*" })
	void globAndProtocolCharactersAreRefusedBeforeAnyKeyIsBuilt(String id) {
		assertThatExceptionOfType(InvalidOperationIdException.class).isThrownBy(() -> OperationId.of(id));
	}

}
