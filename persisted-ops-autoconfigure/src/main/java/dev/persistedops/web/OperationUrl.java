package dev.persistedops.web;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;
import org.springframework.web.util.UriUtils;

/**
 * A per-operation URL under the GraphQL path, which names the operation id in the path so
 * that every operation has a URL of its own (for caches, logs and rate limits):
 * <ul>
 * <li>{@code <graphql-path>/persisted/<id>}, as Hot Chocolate serves them, for any id
 * (namespaced ids keep their {@code /});</li>
 * <li>{@code <graphql-path>/<documentId>} and
 * {@code <graphql-path>/<documentId>/<operationName>}, as the GraphQL-over-HTTP persisted
 * documents appendix draws them (graphql-over-http#305), for prefixed ids such as
 * {@code sha256:<hex>}. Requiring the prefix keeps the paths next to the GraphQL path,
 * such as Spring for GraphQL's {@code /schema}, out of reach.</li>
 * </ul>
 * The rest of the request (variables, extensions) travels as for the GraphQL path: query
 * parameters of a GET, or the JSON body of a POST.
 *
 * @param id the operation id, decoded
 * @param operationName the operation name the path selects, or {@code null}
 */
public record OperationUrl(String id, @Nullable String operationName) {

	/** The request attribute under which the HTTP edge hands the URL to the reader. */
	public static final String ATTRIBUTE = OperationUrl.class.getName();

	private static final String PERSISTED = "persisted/";

	public OperationUrl {
		Assert.hasLength(id, "id is required");
	}

	/**
	 * Return the operation URL that the given request path is, or {@code null} if it is
	 * none.
	 * @param graphQlPath the GraphQL path, such as {@code /graphql}
	 * @param requestPath the path of the request within the application, still encoded
	 */
	public static @Nullable OperationUrl parse(String graphQlPath, String requestPath) {
		// Most requests are on the GraphQL path itself: told apart without allocating.
		if (requestPath.length() <= graphQlPath.length()) {
			return null;
		}
		String prefix = graphQlPath.endsWith("/") ? graphQlPath : graphQlPath + "/";
		if (!requestPath.startsWith(prefix)) {
			return null;
		}
		String rest = requestPath.substring(prefix.length());
		if (rest.startsWith(PERSISTED)) {
			String id = decode(rest.substring(PERSISTED.length()));
			return (id != null && !id.isEmpty()) ? new OperationUrl(id, null) : null;
		}
		String[] segments = rest.split("/", -1);
		if (segments.length > 2) {
			return null;
		}
		String documentId = decode(segments[0]);
		String operationName = (segments.length == 2) ? decode(segments[1]) : null;
		if (documentId == null || documentId.indexOf(':') < 1
				|| (segments.length == 2 && (operationName == null || operationName.isEmpty()))) {
			return null;
		}
		return new OperationUrl(documentId, operationName);
	}

	private static @Nullable String decode(String encoded) {
		try {
			return UriUtils.decode(encoded, StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			// A broken %-escape: not an operation URL.
			return null;
		}
	}

}
