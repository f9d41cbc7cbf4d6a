package dev.persistedops.web;

import java.io.OutputStream;
import java.util.Collection;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.util.Assert;
import org.springframework.util.unit.DataSize;

/**
 * The limits every GraphQL request is held to before it runs, the same on every
 * transport: the size of a request body, and the size and nesting depth of the variables.
 * A body is checked while it is read, so a larger one is never buffered; the variables
 * are checked once the request is read.
 */
public final class RequestLimits {

	/** The code of the error that answers a request over a size limit. */
	public static final String TOO_LARGE = "REQUEST_TOO_LARGE";

	private final long maxBodyBytes;

	private final long maxVariablesBytes;

	private final int maxVariablesDepth;

	private final JsonMapper jsonMapper;

	/**
	 * Create limits.
	 * @param maxBodyBytes the largest request body, in bytes; less than 2 GB
	 * @param maxVariablesBytes the largest variables, in bytes of compact UTF-8 JSON
	 * @param maxVariablesDepth the deepest nesting of objects and lists in the variables,
	 * the variables object itself counting as 1
	 * @param jsonMapper to measure the variables with
	 */
	public RequestLimits(long maxBodyBytes, long maxVariablesBytes, int maxVariablesDepth, JsonMapper jsonMapper) {
		Assert.isTrue(maxBodyBytes > 0 && maxBodyBytes < Integer.MAX_VALUE, "maxBodyBytes must be positive and < 2GB");
		Assert.isTrue(maxVariablesBytes > 0, "maxVariablesBytes must be positive");
		Assert.isTrue(maxVariablesDepth > 0, "maxVariablesDepth must be positive");
		Assert.notNull(jsonMapper, "jsonMapper is required");
		this.maxBodyBytes = maxBodyBytes;
		this.maxVariablesBytes = maxVariablesBytes;
		this.maxVariablesDepth = maxVariablesDepth;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Return limits that hold nothing back but a body of 2 GB, for code that has no
	 * configuration.
	 */
	public static RequestLimits none(JsonMapper jsonMapper) {
		return new RequestLimits(Integer.MAX_VALUE - 1, Long.MAX_VALUE, Integer.MAX_VALUE, jsonMapper);
	}

	/**
	 * Return the largest request body, in bytes.
	 */
	public int maxBodyBytes() {
		return (int) this.maxBodyBytes;
	}

	/**
	 * Refuse a body whose declared length is over the limit, before any of it is read.
	 * @param contentLength the {@code Content-Length}, or a negative value if unknown
	 * @throws InvalidGraphQlRequestException with status 413 if it is over
	 */
	public void checkContentLength(long contentLength) {
		if (contentLength > this.maxBodyBytes) {
			throw bodyTooLarge();
		}
	}

	/**
	 * Return the exception that answers a body over the limit.
	 */
	public InvalidGraphQlRequestException bodyTooLarge() {
		return tooLarge("The request body is larger than " + describe(this.maxBodyBytes));
	}

	/**
	 * Check the variables of a request body.
	 * @throws InvalidGraphQlRequestException with status 413 if they are too large, or
	 * 400 if they are nested too deeply
	 */
	public void checkVariables(Map<String, Object> body) {
		checkVariables(body, -1);
	}

	/**
	 * Check the variables of a request body read from the given number of bytes of JSON:
	 * variables written back as compact JSON take less than twice the bytes they were
	 * read from (a number such as {@code 1e1} grows to {@code 10.0}), so they are only
	 * measured when their source could be over the size limit.
	 * @param sourceBytes the length of the JSON the body was read from, or a negative
	 * value if unknown
	 * @throws InvalidGraphQlRequestException with status 413 if they are too large, or
	 * 400 if they are nested too deeply
	 */
	public void checkVariables(Map<String, Object> body, long sourceBytes) {
		Object variables = body.get("variables");
		if (!(variables instanceof Map<?, ?>)) {
			return;
		}
		if (depth(variables, 1) > this.maxVariablesDepth) {
			throw new InvalidGraphQlRequestException(
					"'variables' are nested more than " + this.maxVariablesDepth + " levels deep");
		}
		if (sourceBytes >= 0 && sourceBytes <= this.maxVariablesBytes / 2) {
			return;
		}
		CountingOutputStream counter = new CountingOutputStream();
		this.jsonMapper.writeValue(counter, variables);
		if (counter.count > this.maxVariablesBytes) {
			throw tooLarge("'variables' are larger than " + describe(this.maxVariablesBytes));
		}
	}

	/**
	 * Return the depth of the value, counting no further than one level past the limit.
	 */
	private int depth(Object value, int level) {
		if (level > this.maxVariablesDepth) {
			return level;
		}
		Collection<?> children = (value instanceof Map<?, ?> map) ? map.values()
				: (value instanceof Collection<?> list) ? list : null;
		int deepest = level;
		if (children != null) {
			for (Object child : children) {
				if (child instanceof Map<?, ?> || child instanceof Collection<?>) {
					deepest = Math.max(deepest, depth(child, level + 1));
				}
			}
		}
		return deepest;
	}

	private static InvalidGraphQlRequestException tooLarge(String message) {
		return new InvalidGraphQlRequestException(HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE, message);
	}

	private static String describe(long bytes) {
		DataSize size = DataSize.ofBytes(bytes);
		if (bytes % (1024 * 1024) == 0) {
			return size.toMegabytes() + " MB";
		}
		return (bytes % 1024 == 0) ? size.toKilobytes() + " KB" : bytes + " bytes";
	}

	/**
	 * Counts what is written and keeps none of it.
	 */
	private static final class CountingOutputStream extends OutputStream {

		private long count;

		@Override
		public void write(int b) {
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.count += len;
		}

	}

}
