package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redis or Azurite, started by the harness as the tests start them (the local binaries
 * that {@code benchmarks/run} installs), on a free loopback port, pinned to the load
 * CPUs, persistence off or in a directory of the run's own.
 */
final class ExternalService {

	/** Azurite's well-known development account (public, documented by Microsoft). */
	private static final String AZURITE_ACCOUNT = "devstoreaccount1";

	private static final String AZURITE_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

	private final String name;

	private final Process process;

	private final int port;

	private ExternalService(String name, Process process, int port) {
		this.name = name;
		this.process = process;
		this.port = port;
	}

	static ExternalService redis(ChildProcesses processes, Settings settings) {
		int port = ChildProcesses.freePort();
		Path directory = directory(settings, "redis");
		List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port), "--bind",
				"127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.toString()));
		if (redisMajorVersion() >= 7) {
			// Redis renames its process; keep the work directory in the name, so that
			// benchmarks/run can tell it is its own if it has to clean up.
			command.addAll(List.of("--proc-title-template", "{title} {listen-addr} " + directory));
		}
		return start("redis", processes, settings, port, command);
	}

	private static int redisMajorVersion() {
		try {
			Process version = new ProcessBuilder("redis-server", "--version").redirectErrorStream(true).start();
			String output = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			version.waitFor();
			Matcher matcher = Pattern.compile("v=(\\d+)\\.").matcher(output);
			return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("redis-server is missing: benchmarks/run installs it", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 0;
		}
	}

	static ExternalService azurite(ChildProcesses processes, Settings settings) {
		Path binary = settings.root().resolve("test-services/node_modules/.bin/azurite-blob");
		if (!Files.isExecutable(binary)) {
			throw new IllegalStateException(
					binary + " is missing: benchmarks/run installs it (npm ci in test-services/)");
		}
		int port = ChildProcesses.freePort();
		Path directory = directory(settings, "azurite");
		return start("azurite", processes, settings, port,
				List.of(binary.toString(), "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port), "--location",
						directory.toString(), "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent"));
	}

	private static ExternalService start(String name, ChildProcesses processes, Settings settings, int port,
			List<String> command) {
		Process process = processes.start(command, settings.loadCpus(),
				settings.work().resolve("logs/" + name + ".log"));
		long deadline = System.nanoTime() + 60_000_000_000L;
		while (System.nanoTime() < deadline) {
			try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
				return new ExternalService(name, process, port);
			}
			catch (IOException ex) {
				if (!process.isAlive()) {
					throw new IllegalStateException(
							name + " exited while starting: see " + settings.work().resolve("logs"));
				}
				ServerProcess.sleep(100);
			}
		}
		processes.stop(process);
		throw new IllegalStateException(name + " did not listen on port " + port + " within a minute");
	}

	/**
	 * Return the Spring Boot properties of a starter whose store this service is.
	 */
	List<String> storeProperties() {
		if (this.name.equals("redis")) {
			return List.of("persisted-ops.store.type=redis", "spring.data.redis.host=127.0.0.1",
					"spring.data.redis.port=" + this.port, "spring.data.redis.timeout=5s");
		}
		return List.of("persisted-ops.store.type=azure-blob",
				"persisted-ops.store.azure-blob.connection-string=DefaultEndpointsProtocol=http;AccountName="
						+ AZURITE_ACCOUNT + ";AccountKey=" + AZURITE_KEY + ";BlobEndpoint=http://127.0.0.1:" + this.port
						+ "/" + AZURITE_ACCOUNT + ";",
				"persisted-ops.store.azure-blob.create-container=true");
	}

	void stop(ChildProcesses processes) {
		processes.stop(this.process);
	}

	private static Path directory(Settings settings, String name) {
		try {
			Files.createDirectories(settings.work());
			return Files.createTempDirectory(settings.work(), name + "-data-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
