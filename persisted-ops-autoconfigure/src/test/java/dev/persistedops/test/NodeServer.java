package dev.persistedops.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A server script of one of this repository's Node projects (such as {@code interop/},
 * whose packages {@code scripts/test} installs from the committed lock file), started on
 * a free port on the loopback address and stopped by {@link #close()}. The script gets
 * the port as its first argument; what it prints is kept for the test to read. A missing
 * installation or a server that does not answer fails the test.
 */
public final class NodeServer implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(30);

	private final int port = TestServices.freePort();

	private final Path output;

	private final Process process;

	private NodeServer(String project, String script, String... arguments) {
		Path directory = NodeScript.projectDirectory(project);
		List<String> command = new ArrayList<>(List.of("node", script, String.valueOf(this.port)));
		command.addAll(List.of(arguments));
		try {
			this.output = TestServices.temporaryFile(project + "-server", ".log");
			this.process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(this.output.toFile())
				.start();
			TestServices.stopOnExit(this.process);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not run " + command + ": is Node.js installed?", ex);
		}
		try {
			TestServices.awaitPort(script, "127.0.0.1", this.port, STARTUP);
		}
		catch (IllegalStateException ex) {
			close();
			throw new IllegalStateException(ex.getMessage() + "; it printed: " + String.join("\n", output()), ex);
		}
	}

	/**
	 * Start {@code node <script> <port> <arguments>} in the given Node project.
	 */
	public static NodeServer start(String project, String script, String... arguments) {
		return new NodeServer(project, script, arguments);
	}

	/**
	 * Return the server's URL for the given path, such as {@code /graphql}.
	 */
	public String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

	/**
	 * Return the lines the server printed so far.
	 */
	public List<String> output() {
		try {
			return Files.readAllLines(this.output, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		if (this.process.isAlive()) {
			TestServices.stop(this.process);
		}
	}

}
