package dev.persistedops.store;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when persisted documents cannot be loaded: a location that does not exist or
 * cannot be read, a file that is not in a known format, or documents that fail
 * verification. The message names every offending file and id.
 */
public class DocumentLoadException extends RuntimeException {

	private final boolean locationProblem;

	private final List<String> problems;

	private DocumentLoadException(String message, boolean locationProblem, List<String> problems,
			@Nullable Throwable cause) {
		super(message, cause);
		this.locationProblem = locationProblem;
		this.problems = List.copyOf(problems);
	}

	/**
	 * Create an exception for a location that does not exist or cannot be read.
	 */
	public static DocumentLoadException location(String location, String reason) {
		String message = location + " " + reason;
		return new DocumentLoadException(message, true, List.of(message), null);
	}

	/**
	 * Create an exception for documents whose content is unusable.
	 */
	public static DocumentLoadException content(List<String> problems) {
		return content(problems, null);
	}

	static DocumentLoadException content(List<String> problems, @Nullable Throwable cause) {
		StringBuilder message = new StringBuilder("Persisted documents could not be loaded (").append(problems.size())
			.append((problems.size() == 1) ? " problem):" : " problems):");
		problems.forEach((problem) -> message.append(System.lineSeparator()).append(" - ").append(problem));
		return new DocumentLoadException(message.toString(), false, problems, cause);
	}

	/**
	 * Create an exception for one file whose content is unusable.
	 */
	public static DocumentLoadException content(String problem, @Nullable Throwable cause) {
		return content(List.of(problem), cause);
	}

	/**
	 * Whether the problem is the location itself rather than what it holds.
	 */
	public boolean isLocationProblem() {
		return this.locationProblem;
	}

	/**
	 * Return one line per problem found.
	 */
	public List<String> getProblems() {
		return this.problems;
	}

}
