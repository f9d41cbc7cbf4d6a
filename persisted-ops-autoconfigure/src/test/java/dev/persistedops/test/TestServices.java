package dev.persistedops.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

import org.testcontainers.DockerClientFactory;

/**
 * What the test servers ({@link RedisTestServer}, {@link AzuriteTestServer}) share: free
 * ports, waiting for a server to answer, and stopping a local process.
 */
final class TestServices {

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
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (process.isAlive()) {
				stop(process);
			}
		}));
	}

	/**
	 * Stop a local server process and whatever it started.
	 */
	static void stop(Process process) {
		process.descendants().forEach(ProcessHandle::destroy);
		process.destroy();
		try {
			process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
