package dev.persistedops.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the HTTP hooks ({@link GetRequestInterceptor}, {@link GetRequestFilter}) need to
 * turn a GraphQL POST into a GET: the query string, built from the id-only body (strings
 * as they are, {@code variables} and {@code extensions} as JSON, as Apollo's
 * {@code useGETForHashedQueries} sends them), handed over as a request attribute
 * (WebClient) or, on the synchronous client, whose transport passes no attributes, for
 * the duration of the call on its thread.
 */
final class GetRequests {

	/** The request attribute that asks {@link GetRequestFilter} for a GET. */
	static final String ATTRIBUTE = GetRequests.class.getName() + ".QUERY";

	// The synchronous chain and its transport run on the caller's thread.
	private static final ThreadLocal<String> PENDING = new ThreadLocal<>();

	private GetRequests() {
	}

	/**
	 * Return the query string that carries the given request body.
	 */
	static String queryString(Map<String, Object> body) {
		StringJoiner query = new StringJoiner("&");
		body.forEach((name, value) -> {
			String text = (value instanceof String string) ? string : JsonMapper.shared().writeValueAsString(value);
			query.add(encode(name) + "=" + encode(text));
		});
		return query.toString();
	}

	/**
	 * Return the URI with the query string appended to any it already has.
	 */
	static URI withQuery(URI uri, String query) {
		String base = uri.toString();
		int fragment = base.indexOf('#');
		if (fragment >= 0) {
			base = base.substring(0, fragment);
		}
		String separator = (uri.getRawQuery() != null) ? "&" : "?";
		return URI.create(base + separator + query);
	}

	/**
	 * Run a synchronous call whose HTTP request goes as a GET with the given query
	 * string.
	 */
	static <T> T whilePending(String query, Supplier<T> call) {
		PENDING.set(query);
		try {
			return call.get();
		}
		finally {
			PENDING.remove();
		}
	}

	/**
	 * Take the query string of a pending GET on this thread, if there is one.
	 */
	static @Nullable String takePending() {
		String query = PENDING.get();
		PENDING.remove();
		return query;
	}

	private static String encode(String value) {
		// URLEncoder escapes '+' too, so JSON with a plus sign survives servers that read
		// '+' as a space.
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
