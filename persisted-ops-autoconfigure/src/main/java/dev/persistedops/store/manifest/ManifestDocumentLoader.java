package dev.persistedops.store.manifest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.document.InvalidOperationIdException;
import dev.persistedops.document.OperationId;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.DocumentLoadException;
import dev.persistedops.store.DocumentLoader;
import dev.persistedops.store.MissingLocation;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.Assert;

/**
 * Loads manifest files that clients export at build time, recognising each by its
 * content:
 * <ul>
 * <li>a Relay or Strawberry Shake map, {@code {"<id>": "<document text>", ...}};</li>
 * <li>an Apollo persisted query manifest, {@code {"format":
 * "apollo-persisted-query-manifest", "version": 1, "operations": [{"id", "body",
 * ...}]}}.</li>
 * </ul>
 * Any other {@code format} or {@code version} is refused rather than guessed at.
 */
public final class ManifestDocumentLoader implements DocumentLoader {

	static final String APOLLO_FORMAT = "apollo-persisted-query-manifest";

	private final ResourcePatternResolver resolver;

	private final JsonMapper jsonMapper;

	public ManifestDocumentLoader(ResourcePatternResolver resolver, JsonMapper jsonMapper) {
		Assert.notNull(resolver, "resolver is required");
		Assert.notNull(jsonMapper, "jsonMapper is required");
		this.resolver = resolver;
		// A Relay map that names an id twice must fail rather than keep the last text.
		this.jsonMapper = jsonMapper.rebuild().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
	}

	/**
	 * Add every document of the manifest at the given location to the catalog.
	 * @param location a manifest file, such as
	 * {@code classpath:/persisted-query-manifest.json}
	 * @param catalog the catalog to add to
	 * @throws DocumentLoadException if the file does not exist or is not a manifest
	 */
	@Override
	public void load(String location, DocumentCatalog.Builder catalog) {
		Resource manifest = this.resolver.getResource(location);
		if (!manifest.exists() || !manifest.isReadable()) {
			throw MissingLocation.of(location, this.resolver, "does not exist or is not a readable file");
		}
		String source = manifest.getDescription();
		JsonNode root = read(manifest, source);
		if (!root.isObject()) {
			throw invalid(source, "a manifest must be a JSON object", null);
		}
		if (root.has("format")) {
			loadApollo(root, source, catalog);
		}
		else {
			loadMap(root, source, catalog);
		}
	}

	private JsonNode read(Resource manifest, String source) {
		try (InputStream input = manifest.getInputStream()) {
			return this.jsonMapper.readTree(input);
		}
		catch (IOException | JacksonException ex) {
			throw invalid(source, "not valid JSON: " + ex.getMessage(), ex);
		}
	}

	private static void loadMap(JsonNode root, String source, DocumentCatalog.Builder catalog) {
		for (Map.Entry<String, JsonNode> entry : root.properties()) {
			if (!entry.getValue().isString()) {
				throw invalid(source,
						"the value of '" + entry.getKey()
								+ "' is not a string; expected a {\"<id>\": \"<document>\"} map or an Apollo manifest",
						null);
			}
			add(catalog, entry.getKey(), entry.getValue().stringValue(), source);
		}
	}

	private static void loadApollo(JsonNode root, String source, DocumentCatalog.Builder catalog) {
		if (!APOLLO_FORMAT.equals(root.path("format").asString(null))) {
			throw invalid(source, "unknown format " + root.get("format") + "; expected \"" + APOLLO_FORMAT + "\"",
					null);
		}
		if (!root.path("version").isInt() || root.path("version").intValue() != 1) {
			throw invalid(source, "unsupported manifest version " + root.get("version") + "; expected 1", null);
		}
		JsonNode operations = root.path("operations");
		if (!operations.isArray()) {
			throw invalid(source, "'operations' must be an array", null);
		}
		int index = 0;
		for (JsonNode operation : operations) {
			JsonNode id = operation.path("id");
			JsonNode body = operation.path("body");
			if (!id.isString() || !body.isString()) {
				throw invalid(source, "operations[" + index + "] needs a string 'id' and a string 'body'", null);
			}
			String entry = source + " operations[" + index + "]";
			checkApolloId(id.stringValue(), entry);
			add(catalog, id.stringValue(), body.stringValue(), entry);
			index++;
		}
	}

	/**
	 * Apollo clients send the sha256 of a body, so an id shaped like another digest can
	 * never be asked for: an export made with the wrong hash, better refused than served
	 * by no one.
	 */
	private static void checkApolloId(String id, String entry) {
		String digest = id.substring(id.lastIndexOf('/') + 1);
		if (digest.matches("[0-9a-f]{32}|[0-9a-f]{40}")) {
			String algorithm = (digest.length() == 32) ? "md5" : "sha1";
			throw invalid(entry, "id '" + id + "' is shaped like a " + algorithm + " hex digest, but Apollo clients "
					+ "send the sha256 of the body (extensions.persistedQuery.sha256Hash), so no Apollo client could "
					+ "ask for it. Re-export the manifest with sha256 ids (the default of Apollo's "
					+ "generate-persisted-query-manifest), or, for clients that send other ids, write a "
					+ "{\"<id>\": \"<document>\"} map instead", null);
		}
	}

	private static void add(DocumentCatalog.Builder catalog, String id, String text, String source) {
		try {
			catalog.add(OperationId.of(id), text, source);
		}
		catch (InvalidOperationIdException ex) {
			throw invalid(source, "'" + id + "' is not a valid id. " + ex.getMessage(), ex);
		}
	}

	private static DocumentLoadException invalid(String source, String reason, @Nullable Throwable cause) {
		return DocumentLoadException.malformed(source + ": " + reason, cause);
	}

}
