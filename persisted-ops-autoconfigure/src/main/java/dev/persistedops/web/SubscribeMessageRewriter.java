package dev.persistedops.web;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Rewrites the {@code subscribe} messages of the GraphQL over WebSocket protocol whose
 * payload carries an operation id and no {@code query}, which Spring for GraphQL would
 * refuse, through {@link PersistedRequestBody}. Every other message passes through
 * unchanged, including ones that are not valid JSON: Spring for GraphQL answers those as
 * usual.
 */
public final class SubscribeMessageRewriter {

	private final PersistedRequestBody body;

	private final JsonMapper jsonMapper;

	public SubscribeMessageRewriter(PersistedRequestBody body, JsonMapper jsonMapper) {
		Assert.notNull(body, "body is required");
		Assert.notNull(jsonMapper, "jsonMapper is required");
		this.body = body;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Return the message to hand to Spring for GraphQL in place of the given one.
	 */
	@SuppressWarnings("unchecked")
	public String rewrite(String message) {
		try {
			Map<String, Object> parsed = this.jsonMapper.readValue(message, Map.class);
			if (!"subscribe".equals(parsed.get("type")) || !(parsed.get("payload") instanceof Map<?, ?> payload)) {
				return message;
			}
			Map<String, Object> normalized = this.body.normalize((Map<String, Object>) payload);
			if (normalized == payload) {
				return message;
			}
			Map<String, Object> rewritten = new LinkedHashMap<>(parsed);
			rewritten.put("payload", normalized);
			return this.jsonMapper.writeValueAsString(rewritten);
		}
		catch (JacksonException | InvalidGraphQlRequestException ex) {
			return message;
		}
	}

}
