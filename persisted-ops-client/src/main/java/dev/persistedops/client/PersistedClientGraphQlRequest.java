package dev.persistedops.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import org.jspecify.annotations.Nullable;

import org.springframework.graphql.client.ClientGraphQlRequest;
import org.springframework.util.Assert;

/**
 * A request that carries an operation id, and the document text only when asked to (the
 * second request of Apollo's automatic persisted queries). Every transport of Spring for
 * GraphQL's clients writes a request with {@link #toMap()}, so leaving {@code query} out
 * of the map is what keeps the text off the wire. {@link #getDocument()} cannot be
 * {@code null} (spring-graphql#1400); for an id-only request it is graphql-java's
 * persisted-query marker, the same value Spring's server puts in a request that has no
 * text.
 */
public final class PersistedClientGraphQlRequest implements ClientGraphQlRequest {

	private final ClientGraphQlRequest original;

	private final String id;

	private final IdConvention convention;

	private final boolean withDocument;

	private final Map<String, Object> attributes;

	private PersistedClientGraphQlRequest(ClientGraphQlRequest original, String id, IdConvention convention,
			boolean withDocument) {
		Assert.notNull(original, "original is required");
		Assert.hasText(id, "id is required");
		Assert.notNull(convention, "convention is required");
		this.original = original;
		this.id = id;
		this.convention = convention;
		this.withDocument = withDocument;
		this.attributes = new ConcurrentHashMap<>(original.getAttributes());
	}

	/**
	 * Return a request that carries the id instead of the original's document.
	 */
	public static PersistedClientGraphQlRequest idOnly(ClientGraphQlRequest original, String id,
			IdConvention convention) {
		return new PersistedClientGraphQlRequest(original, id, convention, false);
	}

	/**
	 * Return a request that carries both the id and the original's document.
	 */
	public static PersistedClientGraphQlRequest withDocument(ClientGraphQlRequest original, String id,
			IdConvention convention) {
		return new PersistedClientGraphQlRequest(original, id, convention, true);
	}

	/**
	 * Return the operation id.
	 */
	public String getId() {
		return this.id;
	}

	/**
	 * Return where the id travels.
	 */
	public IdConvention getConvention() {
		return this.convention;
	}

	/**
	 * Whether the document text is sent along with the id.
	 */
	public boolean isDocumentSent() {
		return this.withDocument;
	}

	/**
	 * Return the document the application wrote, whether or not it is sent.
	 */
	public String getOriginalDocument() {
		return this.original.getDocument();
	}

	@Override
	public String getDocument() {
		return this.withDocument ? this.original.getDocument() : PersistedQuerySupport.PERSISTED_QUERY_MARKER;
	}

	@Override
	public @Nullable String getOperationName() {
		return this.original.getOperationName();
	}

	@Override
	public Map<String, Object> getVariables() {
		return this.original.getVariables();
	}

	@Override
	public Map<String, Object> getExtensions() {
		return this.convention.extensions(this.original.getExtensions(), this.id);
	}

	@Override
	public Map<String, Object> getAttributes() {
		return this.attributes;
	}

	@Override
	public Map<String, Object> toMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		if (this.withDocument) {
			map.put("query", this.original.getDocument());
		}
		if (!this.convention.isExtension()) {
			map.put(this.convention.member(), this.id);
		}
		if (getOperationName() != null) {
			map.put("operationName", getOperationName());
		}
		if (!getVariables().isEmpty()) {
			map.put("variables", new LinkedHashMap<>(getVariables()));
		}
		Map<String, Object> extensions = getExtensions();
		if (!extensions.isEmpty()) {
			map.put("extensions", new LinkedHashMap<>(extensions));
		}
		return map;
	}

	@Override
	public String toString() {
		return "PersistedClientGraphQlRequest[" + this.convention.member() + "=" + this.id
				+ (this.withDocument ? ", with document" : ", id only") + "]";
	}

}
