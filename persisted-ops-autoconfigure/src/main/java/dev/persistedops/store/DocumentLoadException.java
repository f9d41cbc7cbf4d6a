package dev.persistedops.store;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when persisted documents cannot be loaded: a location that does not exist or
 * cannot be read, a file that is not in a known format, or documents that fail
 * verification. The message names every offending file and id, and the {@link Kind} says
 * what sort of fix it needs.
 */
public class DocumentLoadException extends RuntimeException {

	private final Kind kind;

	private final List<String> problems;

	private final List<String> manifests;

	private DocumentLoadException(String message, Kind kind, List<String> problems, @Nullable Throwable cause) {
		this(message, kind, problems, List.of(), cause);
	}

	private DocumentLoadException(String message, Kind kind, List<String> problems, List<String> manifests,
			@Nullable Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.problems = List.copyOf(problems);
		this.manifests = List.copyOf(manifests);
	}

	/**
	 * Create an exception for a location that does not exist or cannot be read.
	 */
	public static DocumentLoadException location(String location, String reason) {
		return location(Kind.LOCATION, location, reason);
	}

	/**
	 * Create an exception for a location that cannot be loaded for the given reason.
	 * @param kind what is wrong with the location: one of the {@code LOCATION} kinds
	 * @param location the location as configured
	 * @param reason what is wrong, completing a sentence that starts with the location
	 */
	public static DocumentLoadException location(Kind kind, String location, String reason) {
		return location(kind, location, reason, List.of());
	}

	/**
	 * Create an exception for a location of documents that is, or holds, manifests.
	 * @param kind {@link Kind#LOCATION_IS_A_FILE} or
	 * {@link Kind#LOCATION_HOLDS_MANIFESTS}
	 * @param location the location as configured
	 * @param reason what is wrong, completing a sentence that starts with the location
	 * @param manifests the locations of the manifests, to load them as such
	 */
	public static DocumentLoadException location(Kind kind, String location, String reason, List<String> manifests) {
		String message = location + " " + reason;
		return new DocumentLoadException(message, kind, List.of(message), manifests, null);
	}

	/**
	 * Create an exception for documents whose content fails verification: hash-shaped ids
	 * that are not the hash of their text, or an id given different texts.
	 */
	public static DocumentLoadException content(List<String> problems) {
		return new DocumentLoadException(describe(problems), Kind.VERIFICATION, problems, null);
	}

	/**
	 * Create an exception for one file whose content fails verification.
	 */
	public static DocumentLoadException content(String problem, @Nullable Throwable cause) {
		return new DocumentLoadException(describe(List.of(problem)), Kind.VERIFICATION, List.of(problem), cause);
	}

	/**
	 * Create an exception for an id given different texts by two sources: a conflict that
	 * no verification setting lets through.
	 */
	public static DocumentLoadException conflicts(List<String> problems) {
		return new DocumentLoadException(describe(problems), Kind.CONFLICT, problems, null);
	}

	/**
	 * Create an exception for a file that is not in a format that can be loaded: not
	 * valid JSON, an unknown manifest format or version, a file name that is not an id.
	 */
	public static DocumentLoadException malformed(String problem, @Nullable Throwable cause) {
		return new DocumentLoadException(describe(List.of(problem)), Kind.MALFORMED, List.of(problem), cause);
	}

	private static String describe(List<String> problems) {
		StringBuilder message = new StringBuilder("Persisted documents could not be loaded (").append(problems.size())
			.append((problems.size() == 1) ? " problem):" : " problems):");
		problems.forEach((problem) -> message.append(System.lineSeparator()).append(" - ").append(problem));
		return message.toString();
	}

	/**
	 * Return what sort of problem this is.
	 */
	public Kind getKind() {
		return this.kind;
	}

	/**
	 * Whether the problem is the location itself rather than what it holds.
	 */
	public boolean isLocationProblem() {
		return this.kind.isLocation();
	}

	/**
	 * Return the locations of manifests found where documents were expected, to load them
	 * as manifests instead; empty for other problems.
	 */
	public List<String> getManifests() {
		return this.manifests;
	}

	/**
	 * Return one line per problem found.
	 */
	public List<String> getProblems() {
		return this.problems;
	}

	/**
	 * What sort of problem stopped the load.
	 */
	public enum Kind {

		/** The location does not exist or cannot be read. */
		LOCATION,

		/** The location of a directory of documents is a file. */
		LOCATION_IS_A_FILE,

		/** The location of a directory of documents holds manifests and no documents. */
		LOCATION_HOLDS_MANIFESTS,

		/** A file is not in a format that can be loaded. */
		MALFORMED,

		/**
		 * Hash-shaped ids that are not the hash of their text (or an id given two texts).
		 */
		VERIFICATION,

		/** An id given different texts. */
		CONFLICT;

		/**
		 * Whether this is a problem of the location rather than of what it holds.
		 */
		public boolean isLocation() {
			return this == LOCATION || this == LOCATION_IS_A_FILE || this == LOCATION_HOLDS_MANIFESTS;
		}

	}

}
