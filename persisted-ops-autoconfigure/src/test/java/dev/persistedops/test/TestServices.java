package dev.persistedops.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.testcontainers.DockerClientFactory;

import org.springframework.util.FileSystemUtils;

/**
 * What the test servers ({@link RedisTestServer}, {@link AzuriteTestServer}) share: free
 * ports, waiting for a server to answer, stopping a local process, and temporary files
 * that do not outlive the test JVM.
 */
final class TestServices {

	/** The local server processes to stop when the test JVM ends, if still running. */
	private static final List<Process> processes = new CopyOnWriteArrayList<>();

	/** The temporary files and directories to delete when the test JVM ends. */
	private static final List<Path> temporaryFiles = new CopyOnWriteArrayList<>();

	static {
		Runtime.getRuntime().addShutdownHook(new Thread(TestServices::cleanUp, "test-services-clean-up"));
	}

	private TestServices() {
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			socket.setReuseAddress(true);
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static boolean isDockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	/**
	 * Wait until something accepts connections on the given port.
	 */
	static void awaitPort(String name, String host, int port, Duration timeout) {
		Instant deadline = Instant.now().plus(timeout);
		while (Instant.now().isBefore(deadline)) {
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress(host, port), 200);
				return;
			}
			catch (IOException ex) {
				sleep(50);
			}
		}
		throw new IllegalStateException(name + " did not answer on " + host + ":" + port + " within " + timeout);
	}

	/**
	 * Make sure a local server process does not outlive the test JVM, however the tests
	 * end.
	 */
	static void stopOnExit(Process process) {
		processes.add(process);
	}

	/**
	 * Create a temporary directory (a server's data and logs) that is deleted when the
	 * test JVM ends, after the servers are stopped.
	 */
	static Path temporaryDirectory(String prefix) {
		try {
			return deletedOnExit(Files.createTempDirectory(prefix));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Create a temporary file (a server's output or configuration) that is deleted when
	 * the test JVM ends, after the servers are stopped.
	 */
	static Path temporaryFile(String prefix, String suffix) {
		try {
			return deletedOnExit(Files.createTempFile(prefix, suffix));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path deletedOnExit(Path path) {
		temporaryFiles.add(path);
		return path;
	}

	/**
	 * Stop a local server process and whatever it started.
	 */
	static void stop(Process process) {
		destroy(process);
		await(process);
		processes.remove(process);
	}

	private static void destroy(Process process) {
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
	}

	private static void await(Process process) {
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Stop every server still running, all at once, then delete the temporary files they
	 * wrote to.
	 */
	private static void cleanUp() {
		List<Process> running = processes.stream().filter(Process::isAlive).toList();
		running.forEach(TestServices::destroy);
		running.forEach(TestServices::await);
		for (Path path : temporaryFiles) {
			try {
				FileSystemUtils.deleteRecursively(path);
			}
			catch (IOException ex) {
				// Left behind in the temporary directory: nothing to do at exit.
			}
		}
	}

	/**
	 * Send a signal to a local server process and whatever it started: {@code STOP} to
	 * freeze it (its connections stay open, nothing is answered), {@code CONT} to let it
	 * go on, {@code KILL} to end it as a crash would.
	 */
	static void signal(Process process, String signal) {
		List<String> command = new ArrayList<>(List.of("kill", "-" + signal, String.valueOf(process.pid())));
		process.descendants().forEach((child) -> command.add(String.valueOf(child.pid())));
		try {
			new ProcessBuilder(command).start().waitFor();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Whether an executable of the given name is on the {@code PATH}.
	 */
	static boolean isOnPath(String executable) {
		for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			if (Files.isExecutable(Path.of(directory, executable))) {
				return true;
			}
		}
		return false;
	}

	static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
