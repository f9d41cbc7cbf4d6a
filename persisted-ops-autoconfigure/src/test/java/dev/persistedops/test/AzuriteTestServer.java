package dev.persistedops.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.testcontainers.containers.GenericContainer;

/**
 * A real Azurite (the Azure Storage emulator, blob service only) for the tests: the npm
 * package pinned in {@code test-services/} (installed by {@code scripts/test}) started on
 * a free port, or a container where a Docker engine exists and the package is not
 * installed. A missing Azurite fails the test that needs it.
 * <p>
 * {@link #stop()} and {@link #start()} simulate an outage on the same port; blobs survive
 * it. Azurite's debug log records every request, which is how tests count what reached
 * it.
 */
public abstract class AzuriteTestServer implements AutoCloseable {

	/** Azurite's well-known development account (public, documented by Microsoft). */
	static final String ACCOUNT = "devstoreaccount1";

	static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

	private static final Duration STARTUP = Duration.ofSeconds(30);

	private int logOffset;

	/**
	 * Start Azurite.
	 */
	public static AzuriteTestServer launch() {
		Path binary = localBinary();
		AzuriteTestServer server = (binary == null && TestServices.isDockerAvailable()) ? new ContainerServer()
				: new LocalServer(binary);
		server.start();
		return server;
	}

	/**
	 * Return the host to connect to.
	 */
	public abstract String host();

	/**
	 * Return the port to connect to.
	 */
	public abstract int port();

	/**
	 * Start (again) on the same port, and wait until it answers.
	 */
	public abstract void start();

	/**
	 * Stop, keeping the port and the blobs for {@link #start()}.
	 */
	public abstract void stop();

	/**
	 * Freeze Azurite: it keeps its connections open but answers nothing, as a hung
	 * storage endpoint does.
	 */
	public abstract void freeze();

	/**
	 * Let a frozen Azurite answer again.
	 */
	public abstract void thaw();

	abstract List<String> debugLog();

	/**
	 * Return the connection string of Azurite's development account.
	 */
	public String connectionString() {
		return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + KEY + ";BlobEndpoint=http://"
				+ host() + ":" + port() + "/" + ACCOUNT + ";";
	}

	/**
	 * Forget the requests received so far, for {@link #requests(String, String)}.
	 */
	public void resetRequests() {
		this.logOffset = settledLog().size();
	}

	/**
	 * Return how many requests with the given method reached the given path (such as
	 * {@code /container/blob}) since the last reset.
	 */
	public long requests(String method, String path) {
		String marker = "RequestMethod=" + method + " RequestURL=";
		List<String> log = settledLog();
		return log.subList(Math.min(this.logOffset, log.size()), log.size())
			.stream()
			.filter((line) -> line.contains(marker))
			.map((line) -> line.substring(line.indexOf(marker) + marker.length()).split(" ")[0])
			.map((url) -> URLDecoder.decode(url.replaceAll("\\?.*", ""), StandardCharsets.UTF_8))
			.filter((url) -> url.endsWith("/" + ACCOUNT + path))
			.count();
	}

	// The log is written asynchronously: read until it stops growing.
	private List<String> settledLog() {
		List<String> previous = debugLog();
		for (int i = 0; i < 20; i++) {
			TestServices.sleep(100);
			List<String> current = debugLog();
			if (current.size() == previous.size()) {
				return current;
			}
			previous = current;
		}
		return previous;
	}

	@Override
	public void close() {
		stop();
	}

	void awaitAnswer() {
		TestServices.awaitPort("Azurite", host(), port(), STARTUP);
	}

	private static Path localBinary() {
		String configured = System.getenv("AZURITE_BLOB");
		if (configured != null) {
			return Path.of(configured);
		}
		for (Path directory = Path.of("").toAbsolutePath(); directory != null; directory = directory.getParent()) {
			Path candidate = directory.resolve("test-services/node_modules/.bin/azurite-blob");
			if (Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}

	/**
	 * Azurite run from {@code test-services/node_modules}.
	 */
	private static final class LocalServer extends AzuriteTestServer {

		private final Path binary;

		private final int port = TestServices.freePort();

		private final Path directory;

		private Process process;

		LocalServer(Path binary) {
			if (binary == null) {
				throw new IllegalStateException("Azurite is not installed and there is no Docker engine: run the "
						+ "tests with scripts/test, which installs it (npm ci in test-services/)");
			}
			this.binary = binary;
			this.directory = TestServices.temporaryDirectory("azurite-test");
		}

		@Override
		public String host() {
			return "127.0.0.1";
		}

		@Override
		public int port() {
			return this.port;
		}

		@Override
		public void start() {
			try {
				this.process = new ProcessBuilder(this.binary.toString(), "--blobHost", "127.0.0.1", "--blobPort",
						String.valueOf(this.port), "--location", this.directory.toString(), "--debug",
						this.directory.resolve("debug.log").toString(), "--skipApiVersionCheck", "--loose",
						"--disableTelemetry", "--silent")
					.redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.appendTo(this.directory.resolve("azurite.out").toFile()))
					.start();
				TestServices.stopOnExit(this.process);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not start Azurite", ex);
			}
			awaitAnswer();
		}

		@Override
		public void stop() {
			if (this.process != null) {
				TestServices.stop(this.process);
				this.process = null;
			}
		}

		@Override
		public void freeze() {
			TestServices.signal(this.process, "STOP");
		}

		@Override
		public void thaw() {
			TestServices.signal(this.process, "CONT");
		}

		@Override
		List<String> debugLog() {
			try {
				Path log = this.directory.resolve("debug.log");
				return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

	/**
	 * Azurite in a container; an outage pauses it, so that it keeps its mapped port and
	 * blobs.
	 */
	private static final class ContainerServer extends AzuriteTestServer {

		private final PausableContainer azurite = new PausableContainer(
				new GenericContainer<>("mcr.microsoft.com/azure-storage/azurite:3.35.0").withCommand("azurite-blob",
						"--blobHost", "0.0.0.0", "--debug", "/tmp/debug.log", "--skipApiVersionCheck", "--loose",
						"--disableTelemetry"),
				10000);

		@Override
		public String host() {
			return this.azurite.host();
		}

		@Override
		public int port() {
			return this.azurite.mappedPort();
		}

		@Override
		public void start() {
			this.azurite.start();
			awaitAnswer();
		}

		@Override
		public void stop() {
			this.azurite.pause();
		}

		@Override
		public void freeze() {
			stop();
		}

		@Override
		public void thaw() {
			start();
		}

		@Override
		List<String> debugLog() {
			return this.azurite.container()
				.copyFileFromContainer("/tmp/debug.log",
						(stream) -> new String(stream.readAllBytes(), StandardCharsets.UTF_8).lines().toList());
		}

		@Override
		public void close() {
			this.azurite.close();
		}

	}

}
