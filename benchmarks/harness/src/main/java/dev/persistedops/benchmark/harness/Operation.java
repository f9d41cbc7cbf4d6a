package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The request shapes of the benchmarks, each a document in {@code benchmarks/operations/}
 * valid against the sample app's schema, with the variables it is sent with.
 */
public enum Operation {

	/** A fragment-heavy query of about 9 KB: parse and validation dominate. */
	// first: 2 matches the two books of that author the shelf starts with, so the filter
	// stops there however many books the mutation rounds add: the large query costs the
	// same all run.
	LARGE("large", "{\"id\":\"1\",\"other\":\"2\",\"author\":\"Ursula K. Le Guin\",\"first\":2}"),

	/** {@code book(id)}: the smallest useful query, where per-request overhead shows. */
	TRIVIAL("trivial", "{\"id\":\"1\"}"),

	/** {@code addBook}: a mutation (the sample's bookshelf grows while it runs). */
	MUTATION("mutation", "{\"title\":\"Benchmark\",\"author\":\"wrk\"}");

	private final String label;

	private final String variables;

	private final String text;

	private final String hash;

	Operation(String label, String variables) {
		this.label = label;
		this.variables = variables;
		this.text = read("/operations/" + label + ".graphql");
		this.hash = Hashing.sha256Hex(this.text);
	}

	/**
	 * Return the short name used in tables.
	 */
	public String label() {
		return this.label;
	}

	/**
	 * Return the variables as a JSON object.
	 */
	public String variables() {
		return this.variables;
	}

	/**
	 * Return the document text.
	 */
	public String text() {
		return this.text;
	}

	/**
	 * Return the sha256 hex of the text: its id in every store.
	 */
	public String hash() {
		return this.hash;
	}

	private static String read(String resource) {
		try (InputStream input = Operation.class.getResourceAsStream(resource)) {
			if (input == null) {
				throw new IllegalStateException("Missing resource " + resource);
			}
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
