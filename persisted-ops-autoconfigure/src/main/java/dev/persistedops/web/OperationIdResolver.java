package dev.persistedops.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.document.InvalidOperationIdException;
import dev.persistedops.document.OperationId;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.util.Assert;

/**
 * Finds the operation id in a request, looking only where the enabled
 * {@linkplain IdConvention conventions} say. A request may name the same document in
 * several places ({@code sha256:<hex>} and {@code <hex>} are the same), but not two
 * different ones.
 */
public final class OperationIdResolver {

	private final Set<IdConvention> conventions;

	public OperationIdResolver(Set<IdConvention> conventions) {
		Assert.notNull(conventions, "conventions is required");
		this.conventions = Set.copyOf(conventions);
	}

	/**
	 * Return the id the request names, or {@code null} if it names none.
	 * @throws InvalidOperationIdException if an id breaks the id rule, or the request
	 * names two different ids
	 */
	public @Nullable OperationId resolve(WebGraphQlRequest request) {
		Found found = new Found();
		Map<String, Object> extensions = request.getExtensions();
		if (extensions.get(PersistedRequestBody.ID_CARRIER) instanceof Map<?, ?> carried) {
			for (IdConvention convention : this.conventions) {
				found.add(convention.path(), carried.get(convention.path()));
			}
			// The id of a per-operation URL, enabled on its own.
			found.add(PersistedRequestBody.URL_ID, carried.get(PersistedRequestBody.URL_ID));
		}
		if (this.conventions.contains(IdConvention.EXTENSIONS_OPERATION_ID)) {
			found.add(IdConvention.EXTENSIONS_OPERATION_ID.path(), extensions.get("operationId"));
		}
		if (this.conventions.contains(IdConvention.PERSISTED_QUERY) && extensions.containsKey("persistedQuery")) {
			found.add(IdConvention.PERSISTED_QUERY.path(), persistedQueryHash(extensions.get("persistedQuery")));
		}
		return found.id();
	}

	private static Object persistedQueryHash(@Nullable Object persistedQuery) {
		if (!(persistedQuery instanceof Map<?, ?> map)) {
			throw new InvalidOperationIdException("'extensions.persistedQuery' must be an object");
		}
		if (!Integer.valueOf(1).equals(map.get("version"))) {
			throw new InvalidOperationIdException("'extensions.persistedQuery' must have version 1");
		}
		Object hash = map.get("sha256Hash");
		if (hash == null) {
			throw new InvalidOperationIdException("'extensions.persistedQuery' needs a 'sha256Hash'");
		}
		if (!(hash instanceof String digest) || !HashEncoding.HEX.isShapeOf(digest, HashAlgorithm.SHA256)) {
			throw new InvalidOperationIdException(
					"'extensions.persistedQuery.sha256Hash' must be 64 lowercase hex characters");
		}
		return hash;
	}

	/**
	 * The id a request names, and the places that name one: each id is compared with the
	 * first as it comes, rather than all collected and then told apart.
	 */
	private static final class Found {

		private @Nullable OperationId id;

		private final List<String> places = new ArrayList<>(2);

		private boolean conflicting;

		void add(String place, @Nullable Object value) {
			if (value == null) {
				return;
			}
			OperationId named = OperationId.of(value);
			this.places.add(place);
			if (this.id == null) {
				this.id = named;
			}
			else if (!this.id.equals(named)) {
				this.conflicting = true;
			}
		}

		@Nullable OperationId id() {
			if (this.conflicting) {
				throw new InvalidOperationIdException("The request names more than one operation id: " + this.places);
			}
			return this.id;
		}

	}

}
