package dev.persistedops.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Turns a raw GraphQL request body (a JSON POST body, GET parameters, or a WebSocket
 * {@code subscribe} payload) into one that Spring for GraphQL's {@code WebGraphQlRequest}
 * accepts, without losing the operation id.
 * <p>
 * Spring for GraphQL requires a {@code query} and keeps only {@code query},
 * {@code operationName}, {@code variables} and {@code extensions}. So a body that carries
 * an id in an enabled convention but no document gets a placeholder document, and the
 * top-level ids ({@code id}, {@code documentId}, {@code doc_id}, {@code operationId})
 * travel to the interceptor inside {@code extensions} under {@link #ID_CARRIER}, which a
 * client cannot forge: whatever it sends under that name is dropped.
 */
public final class PersistedRequestBody {

	/**
	 * The media type some clients still send JSON bodies with; read as JSON, as Spring
	 * does.
	 */
	public static final MediaType APPLICATION_GRAPHQL = MediaType.parseMediaType("application/graphql");

	/**
	 * The extensions member through which top-level ids reach the interceptor. Its name
	 * ends with a value chosen at random when the application starts, so a client that
	 * reaches the interceptor some other way cannot name it.
	 */
	public static final String ID_CARRIER = "dev.persistedops.ids." + UUID.randomUUID();

	/**
	 * The member of the {@link #ID_CARRIER} under which an id taken from a
	 * {@linkplain OperationUrl per-operation URL} travels: it is read whatever the
	 * enabled conventions, since the URL form is enabled on its own.
	 */
	public static final String URL_ID = "url";

	/** The document a request carries until the interceptor swaps in the stored one. */
	public static final String PLACEHOLDER_DOCUMENT = "# persisted operation: resolved by id";

	private final Set<IdConvention> conventions;

	/** The members of a body that carry an id under the enabled conventions. */
	private final String[] topLevelPaths;

	public PersistedRequestBody(Set<IdConvention> conventions) {
		Assert.notNull(conventions, "conventions is required");
		this.conventions = Set.copyOf(conventions);
		this.topLevelPaths = this.conventions.stream()
			.filter(IdConvention::isTopLevel)
			.map(IdConvention::path)
			.sorted()
			.toArray(String[]::new);
	}

	/**
	 * Check the members of a raw body and return the body to build the request from.
	 * @param raw the body as the client sent it
	 * @return a body with a {@code query} and the carried ids; the raw body itself when
	 * there is nothing to change (a document and no top-level id), or when it carries
	 * neither a document nor an id (Spring for GraphQL then refuses it as usual)
	 * @throws InvalidGraphQlRequestException if a member has the wrong type
	 */
	public Map<String, Object> normalize(Map<String, Object> raw) {
		return normalize(raw, null);
	}

	/**
	 * Check the members of a raw body that arrived on a per-operation URL, and return the
	 * body to build the request from: the URL's id is carried to the interceptor like the
	 * ids of the body, and its operation name becomes the request's.
	 * @param raw the body as the client sent it (a POST body, or GET parameters)
	 * @param url the per-operation URL the request arrived on, or {@code null}
	 * @return the body to build the request from
	 * @throws InvalidGraphQlRequestException if a member has the wrong type, or the body
	 * names another operation than the URL
	 */
	public Map<String, Object> normalize(Map<String, Object> raw, @Nullable OperationUrl url) {
		Object query = requireType(raw, "query", String.class, "a string");
		Object operationName = requireType(raw, "operationName", String.class, "a string");
		Object variables = requireType(raw, "variables", Map.class, "an object");
		@SuppressWarnings("unchecked")
		Map<String, Object> sentExtensions = (Map<String, Object>) requireType(raw, "extensions", Map.class,
				"an object");

		Map<String, Object> ids = null;
		for (String path : this.topLevelPaths) {
			Object id = raw.get(path);
			if (id != null) {
				ids = with(ids, path, id);
			}
		}
		if (url != null) {
			ids = with(ids, URL_ID, url.id());
			operationName = operationName(operationName, url);
		}
		boolean hasDocument = (query instanceof String text) && StringUtils.hasText(text);
		boolean carrierSent = sentExtensions != null && sentExtensions.containsKey(ID_CARRIER);
		boolean noId = ids == null && !hasExtensionId(sentExtensions);
		// No document and no id: Spring for GraphQL refuses the body as usual. A
		// document and no id: the body stays as sent, unless it names the carrier.
		if (noId && (!hasDocument || !carrierSent)) {
			return raw;
		}
		Map<String, Object> extensions = (sentExtensions != null) ? withoutIdCarrier(sentExtensions) : Map.of();
		if (ids != null) {
			extensions = with(extensions.isEmpty() ? null : extensions, ID_CARRIER, ids);
		}
		Map<String, Object> body = new LinkedHashMap<>(8);
		body.put("query", hasDocument ? query : PLACEHOLDER_DOCUMENT);
		putIfPresent(body, "operationName", operationName);
		putIfPresent(body, "variables", variables);
		if (!extensions.isEmpty()) {
			body.put("extensions", extensions);
		}
		return body;
	}

	/**
	 * Return a map with one more entry: a map of its own for the first (most bodies carry
	 * one id), a copy for the others.
	 */
	private static Map<String, Object> with(@Nullable Map<String, Object> map, String key, Object value) {
		if (map == null) {
			return Map.of(key, value);
		}
		Map<String, Object> more = new LinkedHashMap<>(map);
		more.put(key, value);
		return more;
	}

	private static @Nullable Object operationName(@Nullable Object sent, OperationUrl url) {
		String named = url.operationName();
		if (named == null) {
			return sent;
		}
		if (sent instanceof String name && !name.isEmpty() && !name.equals(named)) {
			throw new InvalidGraphQlRequestException(
					"The request names the operation '" + name + "' but its URL names '" + named + "'");
		}
		return named;
	}

	private boolean hasExtensionId(@Nullable Map<?, ?> extensions) {
		if (extensions == null) {
			return false;
		}
		return (this.conventions.contains(IdConvention.EXTENSIONS_OPERATION_ID)
				&& extensions.get("operationId") != null)
				|| (this.conventions.contains(IdConvention.PERSISTED_QUERY)
						&& extensions.get("persistedQuery") != null);
	}

	/**
	 * Return the extensions a request was sent with, without the {@link #ID_CARRIER}:
	 * what the operation sees when it runs.
	 * @param extensions the request's extensions
	 * @return the same map when it has no carrier, a copy without it otherwise
	 */
	public static Map<String, Object> withoutIdCarrier(Map<String, Object> extensions) {
		if (!extensions.containsKey(ID_CARRIER)) {
			return extensions;
		}
		if (extensions.size() == 1) {
			return Map.of();
		}
		Map<String, Object> copy = new LinkedHashMap<>(extensions);
		copy.remove(ID_CARRIER);
		return copy;
	}

	/**
	 * Return the member under the given key, refusing it if it is not of the given type.
	 */
	private static @Nullable Object requireType(Map<String, Object> raw, String key, Class<?> type,
			String description) {
		Object value = raw.get(key);
		if (value != null && !type.isInstance(value)) {
			throw new InvalidGraphQlRequestException("'" + key + "' must be " + description);
		}
		return value;
	}

	private static void putIfPresent(Map<String, Object> body, String key, @Nullable Object value) {
		if (value != null) {
			body.put(key, value);
		}
	}

	/**
	 * Whether the request's document is a placeholder, that is, the client sent no
	 * document: ours, or the one Spring for GraphQL puts in a body that has only
	 * {@code extensions.persistedQuery} (as on its SSE endpoint).
	 */
	public static boolean isPlaceholder(String document) {
		return PLACEHOLDER_DOCUMENT.equals(document) || PersistedQuerySupport.PERSISTED_QUERY_MARKER.equals(document);
	}

}
