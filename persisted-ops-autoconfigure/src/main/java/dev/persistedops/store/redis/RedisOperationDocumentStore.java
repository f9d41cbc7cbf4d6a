package dev.persistedops.store.redis;

import java.time.Duration;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.store.StoreUnavailableException;
import dev.persistedops.store.WritableOperationDocumentStore;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.util.Assert;

/**
 * Documents in Redis: the key is a prefix followed by the id ({@code client/alias} ids
 * included, as they are), the value is the document text. A lookup is one {@code GET}; an
 * empty value, or a key that does not hold a string, counts as absent. A save is one
 * atomic script that sets the key only if it is free, and otherwise compares the text
 * already there, so a different text is never overwritten. Keys are only ever read and
 * written by name, never by pattern.
 * <p>
 * With an empty prefix (Hot Chocolate's layout), only ids shaped like hex digests are
 * looked up, since any other id could name one of the application's own keys. Connection
 * failures and timeouts are signalled as {@link StoreUnavailableException}.
 */
public class RedisOperationDocumentStore implements WritableOperationDocumentStore {

	/**
	 * Returns 1 if it stored the text, 0 if the key already held it (whose time to live
	 * it then sets to the one given, or removes), -1 if it holds another text. An empty
	 * value is free.
	 */
	private static final RedisScript<Long> SAVE = RedisScript.of("""
			local existing = redis.call('GET', KEYS[1])
			if existing and existing ~= '' and existing ~= ARGV[1] then
			  return -1
			end
			if existing == ARGV[1] then
			  if ARGV[2] == '0' then
			    redis.call('PERSIST', KEYS[1])
			  else
			    redis.call('PEXPIRE', KEYS[1], ARGV[2])
			  end
			  return 0
			end
			if ARGV[2] == '0' then
			  redis.call('SET', KEYS[1], ARGV[1])
			else
			  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
			end
			return 1
			""", Long.class);

	private static final Log logger = LogFactory.getLog(RedisOperationDocumentStore.class);

	private final ReactiveStringRedisTemplate redis;

	private final String keyPrefix;

	private static boolean isWrongType(Throwable ex) {
		return String.valueOf(NestedExceptionUtils.getMostSpecificCause(ex).getMessage()).startsWith("WRONGTYPE");
	}

	private static boolean isOutage(Throwable ex) {
		return ex instanceof DataAccessResourceFailureException || ex instanceof QueryTimeoutException
				|| ex instanceof RedisConnectionFailureException;
	}

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
		if (this.keyPrefix.isEmpty() && !id.isHexDigest()) {
			// Without a prefix, a client could name any key of the application's Redis.
			return Mono.empty();
		}
		return this.redis.opsForValue()
			.get(keyOf(id))
			.filter((text) -> !text.isEmpty())
			.onErrorResume(RedisOperationDocumentStore::isWrongType, (ex) -> {
				logger.warn("The Redis key of '" + id + "' does not hold a string; treating the document as absent");
				return Mono.empty();
			})
			.onErrorMap(RedisOperationDocumentStore::isOutage,
					(ex) -> new StoreUnavailableException("Redis could not be reached: " + ex.getMessage(), ex));
	}

	/**
	 * Open the connection with a {@code PING} (to every node of a cluster).
	 */
	@Override
	public Mono<Void> connect() {
		return this.redis.execute((connection) -> connection.ping()).then();
	}

	@Override
	public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
		Assert.hasText(text, "text is required");
		Assert.isTrue(timeToLive == null || timeToLive.toMillis() > 0, "timeToLive must be at least 1ms");
		if (this.keyPrefix.isEmpty() && !id.isHexDigest()) {
			return Mono.error(new IllegalArgumentException("With an empty key prefix only ids shaped like hex "
					+ "digests are stored (and looked up): '" + id + "' would never be found"));
		}
		String ttl = (timeToLive != null) ? String.valueOf(timeToLive.toMillis()) : "0";
		return this.redis.execute(SAVE, List.of(keyOf(id)), List.of(text, ttl))
			.single()
			.onErrorMap(RedisOperationDocumentStore::isOutage,
					(ex) -> new StoreUnavailableException("Redis could not be reached: " + ex.getMessage(), ex))
			.map((result) -> (result == 1) ? SaveOutcome.CREATED
					: (result == 0) ? SaveOutcome.UNCHANGED : SaveOutcome.CONFLICT);
	}

	/**
	 * Redis is shared by every instance, and keeps what it is given.
	 */
	@Override
	public boolean isShared() {
		return true;
	}

}
