package dev.persistedops.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Rewrites GraphQL request bodies (the {@code query}, {@code operationName},
 * {@code variables}, {@code extensions} map that Spring's transports serialize) into
 * id-only bodies, for the places that see a body rather than a client request: the
 * testers' encoder and in-process handler.
 */
public final class PersistedRequestBodies {

	private static final Set<String> REQUEST_MEMBERS = Set.of("query", "operationName", "variables", "extensions");

	private final OperationIds ids;

	private final IdConvention convention;

	public PersistedRequestBodies(OperationIds ids, IdConvention convention) {
		Assert.notNull(ids, "ids is required");
		Assert.notNull(convention, "convention is required");
		this.ids = ids;
		this.convention = convention;
	}

	/**
	 * Return the id-only body for a GraphQL request body, or {@code null} if the value is
	 * not a GraphQL request body or its document has no id.
	 */
	public @Nullable Map<String, Object> idOnly(Object value) {
		if (!(value instanceof Map<?, ?> body) || !(body.get("query") instanceof String document)
				|| !REQUEST_MEMBERS.containsAll(body.keySet())) {
			return null;
		}
		String id = this.ids.idOf(document);
		if (id == null) {
			return null;
		}
		Map<String, Object> result = new LinkedHashMap<>();
		if (!this.convention.isExtension()) {
			result.put(this.convention.member(), id);
		}
		body.forEach((name, member) -> {
			if (!"query".equals(name) && !"extensions".equals(name) && member != null) {
				result.put((String) name, member);
			}
		});
		Map<String, Object> extensions = this.convention.extensions(extensionsOf(body), id);
		if (!extensions.isEmpty()) {
			result.put("extensions", extensions);
		}
		return result;
	}

	/**
	 * Return where ids travel.
	 */
	public IdConvention getConvention() {
		return this.convention;
	}

	/**
	 * Return the id of a document, or {@code null} if it has none.
	 */
	public @Nullable String idOf(String document) {
		return this.ids.idOf(document);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> extensionsOf(Map<?, ?> body) {
		Object extensions = body.get("extensions");
		return (extensions instanceof Map<?, ?> map) ? (Map<String, Object>) map : Map.of();
	}

}
