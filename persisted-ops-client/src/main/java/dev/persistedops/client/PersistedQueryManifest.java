package dev.persistedops.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;
import org.springframework.util.Assert;

/**
 * An Apollo persisted query manifest ({@code persisted-query-manifest.json}) that a
 * client build produced: each operation's id, name and text. Ids are taken from it as
 * they are, so they need not be hashes; operations are found by name for
 * {@link ManifestDocumentSource}, so a client can ship the manifest instead of its
 * {@code graphql-documents/}.
 */
public final class PersistedQueryManifest implements OperationIds {

	static final String FORMAT = "apollo-persisted-query-manifest";

	private static final Set<String> OPERATION_TYPES = Set.of("query", "mutation", "subscription");

	private final Map<String, String> idsByBody;

	private final Map<String, String> bodiesByName;

	private PersistedQueryManifest(Map<String, String> idsByBody, Map<String, String> bodiesByName) {
		this.idsByBody = Collections.unmodifiableMap(idsByBody);
		this.bodiesByName = Collections.unmodifiableMap(bodiesByName);
	}

	/**
	 * Read a manifest.
	 * @param resource where the manifest is
	 * @return the manifest
	 * @throws InvalidManifestException if it cannot be read or is not a valid manifest
	 */
	public static PersistedQueryManifest load(Resource resource) {
		Assert.notNull(resource, "resource is required");
		try (InputStream input = resource.getInputStream()) {
			return parse(input.readAllBytes(), resource.getDescription());
		}
		catch (IOException ex) {
			throw new InvalidManifestException(resource.getDescription() + " cannot be read: " + ex.getMessage());
		}
	}

	/**
	 * Parse the content of a manifest.
	 * @param content the JSON content
	 * @param source where it came from, for error messages
	 * @return the manifest
	 * @throws InvalidManifestException if it is not a valid manifest
	 */
	public static PersistedQueryManifest parse(byte[] content, String source) {
		JsonNode root;
		try {
			root = JsonMapper.shared().readTree(content);
		}
		catch (JacksonException ex) {
			throw new InvalidManifestException(source + " is not valid JSON: " + ex.getOriginalMessage());
		}
		if (root == null || !root.isObject()) {
			throw new InvalidManifestException(source + " is not a JSON object");
		}
		if (!FORMAT.equals(text(root.get("format")))) {
			throw new InvalidManifestException(source + ": 'format' must be '" + FORMAT + "'");
		}
		JsonNode version = root.get("version");
		if (version == null || !version.isIntegralNumber() || version.asInt() != 1) {
			throw new InvalidManifestException(source + ": 'version' must be 1");
		}
		JsonNode operations = root.get("operations");
		if (operations == null || !operations.isArray()) {
			throw new InvalidManifestException(source + ": 'operations' must be an array");
		}
		Map<String, String> idsByBody = new LinkedHashMap<>();
		Map<String, String> bodiesByName = new LinkedHashMap<>();
		for (int i = 0; i < operations.size(); i++) {
			String where = source + " operations[" + i + "]";
			JsonNode operation = operations.get(i);
			String id = required(operation, "id", where);
			String name = required(operation, "name", where);
			String body = required(operation, "body", where);
			String type = required(operation, "type", where);
			if (!OPERATION_TYPES.contains(type)) {
				throw new InvalidManifestException(where + ": 'type' must be query, mutation or subscription");
			}
			String previousId = idsByBody.putIfAbsent(body, id);
			if (previousId != null && !previousId.equals(id)) {
				throw new InvalidManifestException(
						where + ": the same body has two ids, '" + previousId + "' and '" + id + "'");
			}
			String previousBody = bodiesByName.putIfAbsent(name, body);
			if (previousBody != null && !previousBody.equals(body)) {
				throw new InvalidManifestException(where + ": two operations are named '" + name + "'");
			}
		}
		return new PersistedQueryManifest(idsByBody, bodiesByName);
	}

	/**
	 * Return the id the manifest gives this exact text, or {@code null} if it has none.
	 */
	@Override
	public @Nullable String idOf(String document) {
		return this.idsByBody.get(document);
	}

	/**
	 * Return the text of the operation with the given name, or {@code null} if there is
	 * none.
	 */
	public @Nullable String bodyOf(String name) {
		return this.bodiesByName.get(name);
	}

	/**
	 * Return the names of the operations, in the manifest's order.
	 */
	public Set<String> names() {
		return this.bodiesByName.keySet();
	}

	private static String required(JsonNode operation, String field, String where) {
		String value = (operation != null && operation.isObject()) ? text(operation.get(field)) : null;
		if (value == null || value.isEmpty()) {
			throw new InvalidManifestException(where + ": '" + field + "' must be a non-empty string");
		}
		return value;
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.asString() : null;
	}

}
