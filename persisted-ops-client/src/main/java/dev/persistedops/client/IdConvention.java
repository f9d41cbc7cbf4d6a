package dev.persistedops.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a request carries its operation id, one constant per client convention in use:
 * the GraphQL-over-HTTP appendix and newer Hot Chocolate ({@code documentId}), Apollo's
 * {@code extensions.persistedQuery}, Hot Chocolate ({@code id}), Relay ({@code doc_id})
 * and GraphQL-Ruby's OperationStore ({@code operationId}).
 */
public enum IdConvention {

	/** Top-level {@code documentId}, as {@code sha256:<hex>}. */
	DOCUMENT_ID("documentId"),

	/** Apollo's {@code extensions.persistedQuery = {version: 1, sha256Hash: <hex>}}. */
	PERSISTED_QUERY("persistedQuery"),

	/** Top-level {@code id}, an md5 or sha256 hex digest. */
	ID("id"),

	/** Top-level {@code doc_id}, an md5 hex digest as relay-compiler computes it. */
	DOC_ID("doc_id"),

	/** Top-level {@code operationId}, as {@code <client>/<alias>}. */
	OPERATION_ID("operationId");

	private final String member;

	IdConvention(String member) {
		this.member = member;
	}

	/**
	 * Return the name of the member that carries the id: a top-level member of the
	 * request, or, for {@link #PERSISTED_QUERY}, a member of its {@code extensions}.
	 */
	public String member() {
		return this.member;
	}

	/**
	 * Whether the id travels inside {@code extensions} rather than at the top level.
	 */
	public boolean isExtension() {
		return this == PERSISTED_QUERY;
	}

	/**
	 * Return the extensions to send with the id: the given ones, plus Apollo's
	 * {@code persistedQuery} for {@link #PERSISTED_QUERY}.
	 */
	public Map<String, Object> extensions(Map<String, Object> extensions, String id) {
		if (!isExtension()) {
			return extensions;
		}
		Map<String, Object> result = new LinkedHashMap<>(extensions);
		Map<String, Object> persistedQuery = new LinkedHashMap<>();
		persistedQuery.put("version", 1);
		persistedQuery.put("sha256Hash", id);
		result.put(this.member, persistedQuery);
		return result;
	}

}
