package dev.persistedops.maven.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import dev.persistedops.maven.operation.ClientOperation;

/**
 * Apollo's persisted query manifest, {@code {"format": "apollo-persisted-query-manifest",
 * "version": 1, "operations": [{"id", "name", "type", "body"}]}}, whose ids are the
 * sha256 hex of the bodies: the format Apollo's tools write, and that the server's
 * {@code manifest} store and the Java client read.
 */
public final class ApolloManifest {

	/** The value of the manifest's {@code format}. */
	public static final String FORMAT = "apollo-persisted-query-manifest";

	private ApolloManifest() {
	}

	/**
	 * Write a manifest of the operations, in the order given, to the file.
	 */
	public static void write(List<ClientOperation> operations, Path file) throws IOException {
		List<Map<String, Object>> entries = new ArrayList<>();
		for (ClientOperation operation : operations) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", operation.id());
			entry.put("name", operation.name());
			entry.put("type", operation.typeName());
			entry.put("body", operation.body());
			entries.add(entry);
		}
		Map<String, Object> manifest = new LinkedHashMap<>();
		manifest.put("format", FORMAT);
		manifest.put("version", 1);
		manifest.put("operations", entries);
		JsonFiles.write(file, manifest);
	}

	/**
	 * Read the operations listed in a manifest, by id and name.
	 * @throws InvalidManifestException if the file is not an Apollo manifest, version 1
	 * @throws IOException if the file cannot be read
	 */
	public static List<Entry> read(Path file) throws InvalidManifestException, IOException {
		JsonNode root;
		try {
			root = JsonFiles.MAPPER.readTree(Files.readString(file));
		}
		catch (JacksonException ex) {
			throw new InvalidManifestException(file + " is not valid JSON: " + ex.getOriginalMessage());
		}
		if (!FORMAT.equals(root.path("format").asString(null)) || root.path("version").asInt(0) != 1) {
			throw new InvalidManifestException(
					file + " is not an Apollo persisted query manifest (format \"" + FORMAT + "\", version 1)");
		}
		JsonNode operations = root.path("operations");
		if (!operations.isArray()) {
			throw new InvalidManifestException(file + ": 'operations' must be an array");
		}
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < operations.size(); i++) {
			JsonNode operation = operations.get(i);
			if (!operation.path("id").isString()) {
				throw new InvalidManifestException(file + ": operations[" + i + "] has no string 'id'");
			}
			entries.add(new Entry(operation.path("id").stringValue(), operation.path("name").asString("")));
		}
		return entries;
	}

	/**
	 * An operation listed in a manifest.
	 *
	 * @param id its id
	 * @param name its name, empty if the manifest gives none
	 */
	public record Entry(String id, String name) {
	}

}
