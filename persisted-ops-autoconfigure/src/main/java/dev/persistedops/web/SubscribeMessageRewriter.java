package dev.persistedops.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.server.support.GraphQlWebSocketMessageType;
import org.springframework.util.Assert;

/**
 * Checks the messages a client sends over GraphQL over WebSocket
 * ({@code graphql-transport-ws}) before Spring for GraphQL reads them, and rewrites the
 * {@code subscribe} messages whose payload carries an operation id and no {@code query},
 * which Spring for GraphQL would refuse, through the {@link GraphQlRequestReader}.
 * <p>
 * Spring for GraphQL fails on a message it cannot read (closing with 1011 and an error
 * logged, or with no status at all), so those never reach it: a {@code subscribe} whose
 * payload is malformed (not an object, members of the wrong type, over a limit, not JSON
 * after its {@code id} and {@code type}) is answered with an {@code error} message for
 * its id and the connection stays open; a message that names no subscription and cannot
 * be read closes the connection with 4400, as the protocol says. Every other message
 * passes through unchanged.
 */
public final class SubscribeMessageRewriter {

	/** The close code of the protocol for a message that cannot be read. */
	public static final int INVALID_MESSAGE = 4400;

	private final GraphQlRequestReader reader;

	private final JsonMapper jsonMapper;

	/**
	 * Create a rewriter that applies no limits.
	 */
	public SubscribeMessageRewriter(PersistedRequestBody body, JsonMapper jsonMapper) {
		this(new GraphQlRequestReader(body, new GetRequestParameters(jsonMapper), RequestLimits.none(jsonMapper),
				jsonMapper), jsonMapper);
	}

	public SubscribeMessageRewriter(GraphQlRequestReader reader, JsonMapper jsonMapper) {
		Assert.notNull(reader, "reader is required");
		Assert.notNull(jsonMapper, "jsonMapper is required");
		this.reader = reader;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Return the message to hand to Spring for GraphQL in place of the given one: the
	 * rewritten message, or the given one itself if it needs no change or is refused (see
	 * {@link #check(String)}).
	 */
	public String rewrite(String message) {
		return (check(message) instanceof Forward forward) ? forward.message() : message;
	}

	/**
	 * Decide what becomes of a message the client sent.
	 */
	public Verdict check(String message) {
		Map<String, Object> parsed = parse(message);
		if (parsed == null) {
			String id = subscriptionIdBeforeFault(message);
			return (id != null) ? answer(id, "The subscribe message is not valid JSON")
					: new Close(INVALID_MESSAGE, "Invalid message: not a JSON object");
		}
		Object type = parsed.get("type");
		if (!isKnownType(type)) {
			return new Close(INVALID_MESSAGE, "Invalid message: unknown type");
		}
		Object id = parsed.get("id");
		if (id instanceof Map<?, ?> || id instanceof List<?>) {
			return new Close(INVALID_MESSAGE, "Invalid message: 'id' must be a string");
		}
		Object payload = parsed.get("payload");
		boolean subscribe = "subscribe".equals(type);
		if (subscribe && id == null) {
			return new Close(INVALID_MESSAGE, "Invalid message: a subscribe message needs an 'id'");
		}
		if (!(payload instanceof Map<?, ?> map)) {
			if (subscribe) {
				return answer(id, "'payload' must be an object");
			}
			return (payload != null) ? new Close(INVALID_MESSAGE, "Invalid message: 'payload' must be an object")
					: new Forward(message);
		}
		return subscribe ? readSubscribe(message, parsed, String.valueOf(id), map) : new Forward(message);
	}

	@SuppressWarnings("unchecked")
	private Verdict readSubscribe(String message, Map<String, Object> parsed, String id, Map<?, ?> payload) {
		Map<String, Object> normalized;
		try {
			normalized = this.reader.readPayload((Map<String, Object>) payload);
		}
		catch (InvalidGraphQlRequestException ex) {
			return new Answer(id, toErrorMessage(id, ex));
		}
		if (normalized == payload) {
			return new Forward(message);
		}
		Map<String, Object> rewritten = new LinkedHashMap<>(parsed);
		rewritten.put("payload", normalized);
		return new Forward(this.jsonMapper.writeValueAsString(rewritten));
	}

	private Answer answer(@Nullable Object id, String message) {
		String subscriptionId = String.valueOf(id);
		return new Answer(subscriptionId, toErrorMessage(subscriptionId, new InvalidGraphQlRequestException(message)));
	}

	private String toErrorMessage(String id, InvalidGraphQlRequestException ex) {
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("id", id);
		error.put("type", "error");
		error.put("payload", ex.toResponseBody().get("errors"));
		return this.jsonMapper.writeValueAsString(error);
	}

	@SuppressWarnings("unchecked")
	private @Nullable Map<String, Object> parse(String message) {
		try {
			return (this.jsonMapper.readValue(message, Object.class) instanceof Map<?, ?> map)
					? (Map<String, Object>) map : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * Return the id of a message that is not valid JSON if it is a {@code subscribe}
	 * whose {@code id} and {@code type} come before the fault, as clients write them.
	 */
	private @Nullable String subscriptionIdBeforeFault(String message) {
		String id = null;
		String type = null;
		try (JsonParser parser = this.jsonMapper.createParser(message)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return null;
			}
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if (value == JsonToken.VALUE_STRING && "id".equals(name)) {
					id = parser.getString();
				}
				else if (value == JsonToken.VALUE_STRING && "type".equals(name)) {
					type = parser.getString();
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			// The fault: what was read before it decides.
		}
		return ("subscribe".equals(type) && id != null) ? id : null;
	}

	private static boolean isKnownType(@Nullable Object type) {
		if (!(type instanceof String name)) {
			return false;
		}
		try {
			GraphQlWebSocketMessageType.fromValue(name);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * What becomes of a message: {@link Forward}, {@link Answer} or {@link Close}.
	 */
	public sealed interface Verdict permits Forward, Answer, Close {

	}

	/**
	 * Hand the message (possibly rewritten) to Spring for GraphQL.
	 *
	 * @param message the message to hand on
	 */
	public record Forward(String message) implements Verdict {

	}

	/**
	 * Do not hand the message on; send the client the given {@code error} message for the
	 * subscription instead, and keep the connection open.
	 *
	 * @param id the subscription id
	 * @param message the {@code error} message to send
	 */
	public record Answer(String id, String message) implements Verdict {

	}

	/**
	 * Do not hand the message on; close the connection with the given status.
	 *
	 * @param code the close code
	 * @param reason the close reason
	 */
	public record Close(int code, String reason) implements Verdict {

	}

}
