package dev.persistedops.maven.manifest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.maven.operation.ClientOperation;

/**
 * A Relay-style map of ids to texts, {@code {"<hash>": "<document text>"}}, with sorted
 * keys: the format of relay-compiler's {@code persisted_queries.json} and Strawberry
 * Shake's {@code operations.json}, which the server's {@code manifest} store reads.
 */
public final class RelayMap {

	private RelayMap() {
	}

	/**
	 * Write a map of the operations to the file, each keyed by the digest of its body.
	 */
	public static void write(List<ClientOperation> operations, HashAlgorithm algorithm, Path file) throws IOException {
		Map<String, String> map = new TreeMap<>();
		for (ClientOperation operation : operations) {
			map.put(operation.id(algorithm), operation.body());
		}
		JsonFiles.write(file, map);
	}

}
