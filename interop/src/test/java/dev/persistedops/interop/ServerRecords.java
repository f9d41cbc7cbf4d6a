package dev.persistedops.interop;

import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.test.NodeServer;

/**
 * What an interop server received, as its recording plugin printed it
 * ({@code interop/schema.mjs}): one line per request with the HTTP method and what came,
 * {@code hash}, {@code hash+text}, {@code documentId} or {@code text}.
 */
final class ServerRecords {

	private ServerRecords() {
	}

	/**
	 * Run the action and return what the server received meanwhile.
	 */
	static List<String> during(NodeServer server, Runnable action) {
		int before = records(server).size();
		action.run();
		List<Map<String, Object>> records = records(server);
		return records.subList(before, records.size()).stream().map(ServerRecords::describe).toList();
	}

	private static List<Map<String, Object>> records(NodeServer server) {
		return server.output()
			.stream()
			.filter((line) -> line.startsWith("{\"record\""))
			.map((line) -> JsonMapper.shared().readValue(line, new TypeReference<Map<String, Object>>() {
			}))
			.toList();
	}

	private static String describe(Map<String, Object> record) {
		boolean text = Boolean.TRUE.equals(record.get("text"));
		String id = (record.get("hash") != null) ? "hash" : (record.get("documentId") != null) ? "documentId" : null;
		String carried = (id == null) ? "text" : (text ? id + "+text" : id);
		return record.get("method") + " " + carried;
	}

}
