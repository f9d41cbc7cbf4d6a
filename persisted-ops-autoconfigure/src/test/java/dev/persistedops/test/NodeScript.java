package dev.persistedops.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a script of the {@code e2e/} Node project, whose packages (the real client
 * libraries and CLIs) {@code scripts/test} installs from the committed lock file. A
 * missing installation fails the test that needs it.
 */
public final class NodeScript {

	private NodeScript() {
	}

	/**
	 * Return the {@code e2e/} directory, found from the working directory upwards.
	 */
	public static Path e2eDirectory() {
		return projectDirectory("e2e");
	}

	/**
	 * Return the directory of a Node project of this repository (such as {@code e2e} or
	 * {@code interop}), found from the working directory upwards, whose packages
	 * {@code scripts/test} installs. A project that is not installed fails the test.
	 */
	public static Path projectDirectory(String name) {
		for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
			Path candidate = directory.resolve(name);
			if (Files.isRegularFile(candidate.resolve("package.json"))) {
				if (!Files.isDirectory(candidate.resolve("node_modules"))) {
					throw new IllegalStateException("The " + name + " packages are not installed: run the tests with "
							+ "scripts/test, which installs them (npm ci in " + name + "/)");
				}
				return candidate;
			}
		}
		throw new IllegalStateException("No " + name + "/ directory above " + Path.of("").toAbsolutePath());
	}

	/**
	 * Run {@code node <script> <arguments>} in {@code e2e/} and return what it printed.
	 */
	public static Result run(String script, String... arguments) {
		List<String> command = new ArrayList<>(List.of("node", script));
		command.addAll(List.of(arguments));
		return exec(command);
	}

	/**
	 * Run a command in {@code e2e/} (such as a CLI from {@code node_modules/.bin}) and
	 * return what it printed.
	 */
	public static Result exec(List<String> command) {
		return exec(e2eDirectory(), command);
	}

	/**
	 * Run a command in the given directory and return what it printed.
	 */
	public static Result exec(Path directory, List<String> command) {
		try {
			Path output = TestServices.temporaryFile("e2e", ".log");
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(3, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException(command + " did not finish within 3 minutes");
			}
			return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + command + ": is Node.js installed?", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Return the path of a command that an e2e package installs, such as
	 * {@code relay-compiler}.
	 */
	public static String bin(String name) {
		return e2eDirectory().resolve("node_modules/.bin").resolve(name).toString();
	}

	/**
	 * What a script did.
	 *
	 * @param exitCode its exit code
	 * @param output what it printed, standard output and error together
	 */
	public record Result(int exitCode, String output) {
	}

}
