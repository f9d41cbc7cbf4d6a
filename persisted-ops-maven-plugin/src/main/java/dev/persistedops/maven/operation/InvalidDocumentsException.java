package dev.persistedops.maven.operation;

import java.util.List;

/**
 * Thrown when documents cannot be exported as they are, with one message per problem,
 * each naming its file.
 */
public final class InvalidDocumentsException extends Exception {

	private static final long serialVersionUID = 1L;

	private final List<String> problems;

	InvalidDocumentsException(List<String> problems) {
		super(describe(problems));
		this.problems = List.copyOf(problems);
	}

	/**
	 * Return the problems, one message each.
	 */
	public List<String> getProblems() {
		return this.problems;
	}

	private static String describe(List<String> problems) {
		StringBuilder message = new StringBuilder();
		message.append((problems.size() == 1) ? "1 problem" : problems.size() + " problems")
			.append(" with the GraphQL documents:");
		problems.forEach((problem) -> message.append(System.lineSeparator()).append("  - ").append(problem));
		return message.toString();
	}

}
