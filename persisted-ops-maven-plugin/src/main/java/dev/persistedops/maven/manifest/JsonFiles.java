package dev.persistedops.maven.manifest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes JSON files the same way on every machine: two spaces of indentation, {@code \n}
 * line ends, {@code "name": value} and a final line end, as
 * {@code JSON.stringify(value, null, 2)} does, so that exports diff well.
 */
final class JsonFiles {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final ObjectWriter WRITER = MAPPER.writer().with(prettyPrinter());

	private JsonFiles() {
	}

	/**
	 * Write the value (maps in their iteration order) to the file, creating its
	 * directory.
	 */
	static void write(Path file, Object value) throws IOException {
		Path directory = file.toAbsolutePath().getParent();
		if (directory != null) {
			Files.createDirectories(directory);
		}
		Files.writeString(file, WRITER.writeValueAsString(value) + "\n", StandardCharsets.UTF_8);
	}

	private static DefaultPrettyPrinter prettyPrinter() {
		Separators separators = Separators.createDefaultInstance()
			.withObjectNameValueSpacing(Separators.Spacing.AFTER)
			.withObjectEmptySeparator("")
			.withArrayEmptySeparator("");
		DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
		return new DefaultPrettyPrinter(separators).withObjectIndenter(indenter).withArrayIndenter(indenter);
	}

}
