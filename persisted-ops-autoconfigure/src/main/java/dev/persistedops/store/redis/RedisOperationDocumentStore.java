package dev.persistedops.store.redis;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.store.WritableOperationDocumentStore;

import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * Documents in Redis: the key is a prefix followed by the id ({@code client/alias} ids
 * included, as they are), the value is the document text. A lookup is one {@code GET}; an
 * empty value counts as absent. A save is one atomic script that sets the key only if it is
 * free, and otherwise compares the text already there, so a different text is never
 * overwritten. Keys are only ever read and written by name, never by pattern.
 */
public class RedisOperationDocumentStore implements WritableOperationDocumentStore {

	/** Returns 1 if it stored the text, 0 if the key already held it, -1 if it holds another. */
	private static final RedisScript<Long> SAVE = RedisScript.of("""
			local existing = redis.call('GET', KEYS[1])
			if not existing then
			  if ARGV[2] == '0' then
			    redis.call('SET', KEYS[1], ARGV[1])
			  else
			    redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			  end
			  return 1
			end
			if existing == ARGV[1] then
			  return 0
			end
			return -1
			""", Long.class);

	private final ReactiveStringRedisTemplate redis;

	private final String keyPrefix;

	public RedisOperationDocumentStore(ReactiveStringRedisTemplate redis, String keyPrefix) {
		Assert.notNull(redis, "redis is required");
		Assert.notNull(keyPrefix, "keyPrefix is required");
		this.redis = redis;
		this.keyPrefix = keyPrefix;
	}

	/**
	 * Return the Redis key of the given id.
	 */
	public String keyOf(OperationId id) {
		return this.keyPrefix + id.key();
	}

	@Override
	public Mono<String> findDocument(OperationId id) {
		return this.redis.opsForValue().get(keyOf(id)).filter((text) -> !text.isEmpty());
	}

	@Override
	public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
		Assert.hasText(text, "text is required");
		Assert.isTrue(timeToLive == null || timeToLive.toMillis() > 0, "timeToLive must be at least 1ms");
		String ttl = (timeToLive != null) ? String.valueOf(timeToLive.toMillis()) : "0";
		return this.redis.execute(SAVE, List.of(keyOf(id)), List.of(text, ttl))
			.single()
			.map((result) -> (result == 1) ? SaveOutcome.CREATED
					: (result == 0) ? SaveOutcome.UNCHANGED : SaveOutcome.CONFLICT);
	}

}
