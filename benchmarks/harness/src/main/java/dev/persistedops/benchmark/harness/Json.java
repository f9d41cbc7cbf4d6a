package dev.persistedops.benchmark.harness;

/**
 * The little JSON the harness writes: request bodies and manifests.
 */
final class Json {

	private Json() {
	}

	/**
	 * Return the value as a JSON string literal, quotes included.
	 */
	static String string(String value) {
		StringBuilder json = new StringBuilder(value.length() + 16).append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

}
