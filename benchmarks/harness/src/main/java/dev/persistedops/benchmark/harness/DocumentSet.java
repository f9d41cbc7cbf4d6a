package dev.persistedops.benchmark.harness;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A generated store of {@code size} documents, all valid against the sample app's schema:
 * the three {@linkplain Operation operations} and {@code size - 3} small queries that
 * differ in name and selection. It is written once per size, in the three forms the
 * stores read: a directory of {@code <sha256>.graphql} files, a manifest ({@code {"<id>":
 * "<text>"}}, Relay's form), and the list of the queries' ids that uniform access draws
 * from (every query but the large one, so each drawn request is trivial-shaped).
 *
 * @param size how many documents
 * @param directory where the files are
 * @param manifest the manifest
 * @param uniformIds the ids drawn from uniformly
 */
public record DocumentSet(int size, Path directory, Path manifest, Path uniformIds) {

	private static final String[] SELECTIONS = { "id title author", "id title", "id author", "title author", "id",
			"title", "author" };

	/**
	 * Return the set of the given size under the work directory, generating it first if
	 * it is not there yet.
	 */
	public static DocumentSet generate(Path work, int size) {
		if (size < Operation.values().length + 1) {
			throw new IllegalArgumentException(
					"A store needs at least " + (Operation.values().length + 1) + " documents");
		}
		Path root = work.resolve("documents-" + size);
		DocumentSet set = new DocumentSet(size, root.resolve("files"), root.resolve("manifest.json"),
				root.resolve("uniform-ids.txt"));
		Path complete = root.resolve(".complete");
		if (Files.exists(complete)) {
			return set;
		}
		try {
			Files.createDirectories(set.directory());
			List<String> uniform = new ArrayList<>();
			try (BufferedWriter manifest = Files.newBufferedWriter(set.manifest(), StandardCharsets.UTF_8)) {
				manifest.write("{");
				String separator = "\n";
				for (int i = 0; i < size; i++) {
					String text = (i < Operation.values().length) ? Operation.values()[i].text() : query(i);
					String id = Hashing.sha256Hex(text);
					Files.writeString(set.directory().resolve(id + ".graphql"), text, StandardCharsets.UTF_8);
					manifest.write(separator + Json.string(id) + ": " + Json.string(text));
					separator = ",\n";
					if (i != Operation.LARGE.ordinal() && i != Operation.MUTATION.ordinal()) {
						uniform.add(id);
					}
				}
				manifest.write("\n}\n");
			}
			Files.write(set.uniformIds(), uniform, StandardCharsets.UTF_8);
			Files.createFile(complete);
			return set;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not write the documents in " + root, ex);
		}
	}

	/**
	 * Read every file of the set once, so that the servers started next find them in the
	 * page cache, as they find the smallest set's: the startups then compare what the
	 * starter does with the documents, not how fast the disk gives a cold file.
	 */
	public void readAll() {
		try (Stream<Path> files = Files.list(this.directory)) {
			for (Path file : (Iterable<Path>) files::iterator) {
				Files.readAllBytes(file);
			}
			Files.readAllBytes(this.manifest);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read the documents in " + this.directory, ex);
		}
	}

	/**
	 * Return the i-th generated query: {@code book(id)} under a name and alias of its
	 * own, with one of seven selections.
	 */
	static String query(int i) {
		return "query Book" + i + "($id: ID!) {\n  book" + i + ": book(id: $id) { " + SELECTIONS[i % SELECTIONS.length]
				+ " }\n}\n";
	}

}
