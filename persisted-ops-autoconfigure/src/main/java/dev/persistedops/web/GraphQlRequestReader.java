package dev.persistedops.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;

/**
 * Reads what a client sent, on any transport, into the body of a
 * {@code WebGraphQlRequest} the same way for Spring MVC and WebFlux: a JSON request body,
 * the query parameters of a GET, or the payload of a WebSocket {@code subscribe}. It
 * checks the media type, the {@linkplain RequestLimits limits} and the members' types,
 * and carries the operation id through {@link PersistedRequestBody}. The web stacks only
 * supply the bytes, bounded by {@link RequestLimits#maxBodyBytes()}.
 */
public final class GraphQlRequestReader {

	private final PersistedRequestBody body;

	private final GetRequestParameters getParameters;

	private final RequestLimits limits;

	private final JsonMapper jsonMapper;

	public GraphQlRequestReader(PersistedRequestBody body, GetRequestParameters getParameters, RequestLimits limits,
			JsonMapper jsonMapper) {
		Assert.notNull(body, "body is required");
		Assert.notNull(getParameters, "getParameters is required");
		Assert.notNull(limits, "limits is required");
		Assert.notNull(jsonMapper, "jsonMapper is required");
		this.body = body;
		this.getParameters = getParameters;
		this.limits = limits;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Return the limits requests are held to.
	 */
	public RequestLimits limits() {
		return this.limits;
	}

	/**
	 * Read a JSON request body.
	 * @param contentType the raw {@code Content-Type} header, or {@code null}
	 * @param bytes the body, at most {@link RequestLimits#maxBodyBytes()} long
	 * @param url the per-operation URL the request arrived on, or {@code null}
	 * @return the body to build the request from
	 * @throws InvalidGraphQlRequestException if the request is refused
	 */
	public Map<String, Object> readBody(@Nullable String contentType, byte[] bytes, @Nullable OperationUrl url) {
		Charset charset = RequestContentType.check(contentType, true);
		if (bytes.length == 0) {
			throw new InvalidGraphQlRequestException("The request body is empty");
		}
		Object value;
		boolean unicode = isUnicode(charset);
		try {
			// Jackson detects UTF-8, UTF-16 and UTF-32 in bytes on its own.
			value = unicode ? this.jsonMapper.readValue(bytes, Object.class)
					: this.jsonMapper.readValue(new String(bytes, charset), Object.class);
		}
		catch (JacksonException ex) {
			throw new InvalidGraphQlRequestException("The request body is not a JSON object");
		}
		// A character of another charset may take more bytes in UTF-8.
		return read(asObject(value, "The request body is not a JSON object"), url, unicode ? bytes.length : -1);
	}

	/**
	 * Read the query parameters of a GET request.
	 * @param parameters the decoded query parameters
	 * @param url the per-operation URL the request arrived on, or {@code null}
	 * @return the body to build the request from
	 * @throws InvalidGraphQlRequestException if the request is refused
	 */
	public Map<String, Object> readQueryParameters(MultiValueMap<String, String> parameters,
			@Nullable OperationUrl url) {
		return read(this.getParameters.toBody(parameters), url, -1);
	}

	/**
	 * Read the payload of a WebSocket {@code subscribe} message.
	 * @return the payload to hand to Spring for GraphQL
	 * @throws InvalidGraphQlRequestException if the payload is refused
	 */
	public Map<String, Object> readPayload(Map<String, Object> payload) {
		return read(payload, null, -1);
	}

	private Map<String, Object> read(Map<String, Object> raw, @Nullable OperationUrl url, long sourceBytes) {
		Map<String, Object> normalized = this.body.normalize(raw, url);
		if (!(normalized.get("query") instanceof String query) || !StringUtils.hasText(query)) {
			throw new InvalidGraphQlRequestException("The request has no 'query' and no operation id");
		}
		this.limits.checkVariables(normalized, sourceBytes);
		return normalized;
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asObject(@Nullable Object value, String message) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new InvalidGraphQlRequestException(message);
		}
		return (Map<String, Object>) map;
	}

	private static boolean isUnicode(Charset charset) {
		return charset.equals(StandardCharsets.UTF_8) || charset.name().startsWith("UTF-");
	}

}
