package dev.persistedops.web;

import java.util.EnumSet;
import java.util.Set;

/**
 * The places in a GraphQL request where clients put an operation id. Each can be switched
 * off with {@code persisted-ops.id-conventions}.
 */
public enum IdConvention {

	/** Top-level {@code id}: Hot Chocolate and Strawberry Shake. */
	ID("id"),

	/**
	 * Top-level {@code documentId}: newer Hot Chocolate, the GraphQL-over-HTTP appendix.
	 */
	DOCUMENT_ID("documentId"),

	/** Top-level {@code doc_id}: Relay's persisted queries guide. */
	DOC_ID("doc_id"),

	/** Top-level {@code operationId}: GraphQL-Ruby's OperationStore. */
	OPERATION_ID("operationId"),

	/** {@code extensions.operationId}: GraphQL-Ruby's OperationStore. */
	EXTENSIONS_OPERATION_ID("extensions.operationId"),

	/** {@code extensions.persistedQuery.sha256Hash}: Apollo's persisted query lists. */
	PERSISTED_QUERY("extensions.persistedQuery.sha256Hash");

	private final String path;

	IdConvention(String path) {
		this.path = path;
	}

	/**
	 * Return where the id travels, as a dotted path into the request body.
	 */
	public String path() {
		return this.path;
	}

	/**
	 * Whether the id is a top-level member of the request body, next to {@code query}.
	 */
	public boolean isTopLevel() {
		return !this.path.startsWith("extensions.");
	}

	/**
	 * Return the conventions whose id is a top-level member of the request body.
	 */
	public static Set<IdConvention> topLevel() {
		Set<IdConvention> result = EnumSet.noneOf(IdConvention.class);
		for (IdConvention convention : values()) {
			if (convention.isTopLevel()) {
				result.add(convention);
			}
		}
		return result;
	}

}
