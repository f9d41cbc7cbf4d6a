package dev.persistedops.benchmark.harness;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * How a request names its document: by sending the text, or by one of the id conventions
 * the starter reads.
 */
public enum Convention {

	/** The full document text, as any GraphQL client sends it. */
	TEXT("full text"),

	/**
	 * Top-level {@code id} (Hot Chocolate, Strawberry Shake): read by the starter's edge.
	 */
	ID("by id"),

	/**
	 * Top-level {@code documentId} as {@code sha256:<hex>} (GraphQL-over-HTTP appendix).
	 */
	DOCUMENT_ID("by documentId"),

	/**
	 * {@code extensions.persistedQuery.sha256Hash} (Apollo): a body Spring for GraphQL
	 * reads itself.
	 */
	APOLLO_HASH("by Apollo hash"),

	/** GET with {@code id} and {@code variables} as query parameters. */
	GET("by GET");

	private final String label;

	Convention(String label) {
		this.label = label;
	}

	/**
	 * Return how tables name it.
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Return the request that sends the given operation this way.
	 */
	public LoadRequest request(Operation operation) {
		String variables = "\"variables\":" + operation.variables();
		String hash = operation.hash();
		return switch (this) {
			case TEXT -> LoadRequest.post(this, operation,
					"{\"query\":" + Json.string(operation.text()) + "," + variables + "}");
			case ID -> LoadRequest.post(this, operation, "{\"id\":\"" + hash + "\"," + variables + "}");
			case DOCUMENT_ID ->
				LoadRequest.post(this, operation, "{\"documentId\":\"sha256:" + hash + "\"," + variables + "}");
			case APOLLO_HASH -> LoadRequest.post(this, operation, apolloExtensions(hash, variables));
			case GET -> LoadRequest.get(this, operation,
					"?id=" + hash + "&variables=" + URLEncoder.encode(operation.variables(), StandardCharsets.UTF_8));
		};
	}

	/**
	 * Return the body that registers the operation with automatic persisted queries: the
	 * text and its hash, as Apollo Client sends it after a
	 * {@code PersistedQueryNotFound}.
	 */
	public static String apqRegistration(Operation operation) {
		return "{\"query\":" + Json.string(operation.text()) + ","
				+ apolloExtensions(operation.hash(), "\"variables\":" + operation.variables()).substring(1);
	}

	private static String apolloExtensions(String hash, String variables) {
		return "{\"extensions\":{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}," + variables
				+ "}";
	}

}
