package dev.persistedops.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.web.GetResponseCachePolicy;
import dev.persistedops.web.RequestLimits;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

/**
 * The HTTP edge of GraphQL requests (and the WebSocket messages that carry them), bound
 * to {@code persisted-ops.http}: request limits, the cache headers of persisted GET
 * responses, and per-operation URLs.
 */
public class HttpProperties {

	private static final long MAX_BODY_SIZE_LIMIT = Integer.MAX_VALUE - 1;

	/**
	 * Largest request body on the GraphQL path (POST, SSE); a larger one is refused with
	 * 413 before it is read further. Above graphql-java's own limit on a document (1M
	 * characters), so that a document is refused by that limit, with its message.
	 */
	private DataSize maxBodySize = DataSize.ofMegabytes(2);

	/**
	 * Largest variables of a request, measured as compact UTF-8 JSON, on every transport;
	 * larger ones are refused with 413.
	 */
	private DataSize maxVariablesSize = DataSize.ofKilobytes(512);

	/**
	 * Deepest nesting of objects and lists in the variables of a request, the variables
	 * object counting as 1; deeper ones are refused with 400.
	 */
	private int maxVariablesDepth = 32;

	private final Cache cache = new Cache();

	private final OperationUrls operationUrls = new OperationUrls();

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	public DataSize getMaxVariablesSize() {
		return this.maxVariablesSize;
	}

	public void setMaxVariablesSize(DataSize maxVariablesSize) {
		this.maxVariablesSize = maxVariablesSize;
	}

	public int getMaxVariablesDepth() {
		return this.maxVariablesDepth;
	}

	public void setMaxVariablesDepth(int maxVariablesDepth) {
		this.maxVariablesDepth = maxVariablesDepth;
	}

	public Cache getCache() {
		return this.cache;
	}

	public OperationUrls getOperationUrls() {
		return this.operationUrls;
	}

	/**
	 * Return the limits requests are held to.
	 */
	RequestLimits toLimits(JsonMapper jsonMapper) {
		return new RequestLimits(this.maxBodySize.toBytes(), this.maxVariablesSize.toBytes(), this.maxVariablesDepth,
				jsonMapper);
	}

	/**
	 * Return the policy for the cache headers of persisted GET responses.
	 */
	GetResponseCachePolicy toCachePolicy(JsonMapper jsonMapper) {
		return new GetResponseCachePolicy(this.cache.getCacheControl(), this.cache.getVary(),
				this.cache.isWithCredentials(), jsonMapper);
	}

	/**
	 * Check the limits.
	 * @throws InvalidConfigurationPropertyValueException if one is out of range
	 */
	void validate() {
		long maxBody = this.maxBodySize.toBytes();
		if (maxBody <= 0 || maxBody > MAX_BODY_SIZE_LIMIT) {
			throw new InvalidConfigurationPropertyValueException("persisted-ops.http.max-body-size", this.maxBodySize,
					"The largest request body must be more than 0 bytes and less than 2GB");
		}
		if (this.maxVariablesSize.toBytes() <= 0) {
			throw new InvalidConfigurationPropertyValueException("persisted-ops.http.max-variables-size",
					this.maxVariablesSize, "The largest variables must be more than 0 bytes");
		}
		if (this.maxVariablesDepth <= 0) {
			throw new InvalidConfigurationPropertyValueException("persisted-ops.http.max-variables-depth",
					this.maxVariablesDepth, "The deepest nesting of variables must be 1 or more");
		}
	}

	/**
	 * Cache headers of successful responses to GET requests for persisted queries.
	 */
	public static class Cache {

		/**
		 * Cache-Control of cacheable responses (data, no errors, no credentials), for
		 * example "public, max-age=300". None is added when not set.
		 */
		private @Nullable String cacheControl;

		/**
		 * Request headers, besides Accept, that responses depend on and caches must key
		 * on, for example Authorization or Accept-Language.
		 */
		private List<String> vary = new ArrayList<>();

		/**
		 * Whether responses to requests that carry credentials (an Authorization header
		 * or cookies) may be cacheable too. Add Authorization or Cookie to vary when
		 * setting this.
		 */
		private boolean withCredentials = false;

		public @Nullable String getCacheControl() {
			return this.cacheControl;
		}

		public void setCacheControl(@Nullable String cacheControl) {
			this.cacheControl = cacheControl;
		}

		public List<String> getVary() {
			return this.vary;
		}

		public void setVary(List<String> vary) {
			this.vary = vary;
		}

		public boolean isWithCredentials() {
			return this.withCredentials;
		}

		public void setWithCredentials(boolean withCredentials) {
			this.withCredentials = withCredentials;
		}

	}

	/**
	 * Per-operation URLs: {graphql-path}/persisted/{id}, and {graphql-path}/{documentId}
	 * or {graphql-path}/{documentId}/{operationName} for prefixed ids such as
	 * sha256:{hex}.
	 */
	public static class OperationUrls {

		/**
		 * Whether operations may be requested by GET and POST on URLs of their own.
		 */
		private boolean enabled = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

	}

}
