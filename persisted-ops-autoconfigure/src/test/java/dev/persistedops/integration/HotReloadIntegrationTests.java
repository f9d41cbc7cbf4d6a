package dev.persistedops.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Hot reload of a directory store on a real file system, over HTTP: files added, edited
 * to a tampered text and deleted while the application runs, picked up by the reloader
 * polling every {@value #INTERVAL_MILLIS} ms.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "persisted-ops.store.reload.enabled=true",
				"persisted-ops.store.reload.interval=" + HotReloadIntegrationTests.INTERVAL_MILLIS + "ms" })
@ExtendWith(OutputCaptureExtension.class)
class HotReloadIntegrationTests {

	static final long INTERVAL_MILLIS = 200;

	/** How much later than the interval a change may show, on two busy shared cores. */
	private static final Duration MARGIN = Duration.ofSeconds(5);

	private static final DocumentHasher MD5 = new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX);

	private static final Path directory = createDirectory();

	@LocalServerPort
	int port;

	@Autowired
	MeterRegistry meterRegistry;

	PersistedRequests requests;

	@DynamicPropertySource
	static void documents(DynamicPropertyRegistry registry) throws IOException {
		Files.writeString(directory.resolve("stable.graphql"), "query Stable { echo(value: 1) }");
		registry.add("persisted-ops.store.filesystem.locations", () -> "file:" + directory + "/");
	}

	@BeforeEach
	void createRequests() {
		this.requests = new PersistedRequests(this.port);
	}

	@AfterAll
	static void deleteDirectory() throws IOException {
		try (Stream<Path> paths = Files.walk(directory)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	@Test
	void addedFileRunsWithinTheInterval() throws IOException {
		assertThat(this.requests.post("added/one").isMiss()).isTrue();
		Files.createDirectories(directory.resolve("added"));
		Files.writeString(directory.resolve("added/one.graphql"), "query AddedOne { echo(value: 11) }");
		long written = System.nanoTime();
		await().atMost(Duration.ofMillis(INTERVAL_MILLIS).plus(MARGIN))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> Integer.valueOf(11).equals(this.requests.post("added/one").data("echo")));
		assertThat(Duration.ofNanos(System.nanoTime() - written))
			.isLessThan(Duration.ofMillis(INTERVAL_MILLIS).plus(MARGIN));
	}

	@Test
	void deletedFileMissesWithinTheInterval() throws IOException {
		Path file = Files.writeString(directory.resolve("deleted.graphql"), "query Deleted { echo(value: 31) }");
		await().atMost(Duration.ofMillis(INTERVAL_MILLIS).plus(MARGIN))
			.until(() -> Integer.valueOf(31).equals(this.requests.post("deleted").data("echo")));
		Files.delete(file);
		await().atMost(Duration.ofMillis(INTERVAL_MILLIS).plus(MARGIN))
			.pollInterval(Duration.ofMillis(20))
			.until(() -> this.requests.post("deleted").isMiss());
		assertThat(this.requests.post("stable").data("echo")).isEqualTo(1);
	}

	@Test
	void fileEditedToATamperedTextKeepsThePreviousDocumentsServingAndIsReported(CapturedOutput output)
			throws IOException {
		double failedBefore = reloads("failed");
		String original = "query Tampered { echo(value: 21) }";
		String id = MD5.hash(original);
		Path file = Files.writeString(directory.resolve(id + ".graphql"), original);
		await().atMost(Duration.ofMillis(INTERVAL_MILLIS).plus(MARGIN))
			.until(() -> Integer.valueOf(21).equals(this.requests.post(id).data("echo")));
		try {
			Files.writeString(file, "query Tampered { echo(value: 666) }");
			Files.writeString(directory.resolve("alongside.graphql"), "query Alongside { echo(value: 22) }");
			await().atMost(Duration.ofMillis(INTERVAL_MILLIS).plus(MARGIN))
				.until(() -> output.getOut().contains("were not reloaded"));
			assertThat(output.getOut()).contains("documents are still served")
				.contains(id + ".graphql")
				.contains("is not the md5 hex of its text");
			assertThat(this.requests.post(id).data("echo")).isEqualTo(21);
			assertThat(this.requests.post("alongside").isMiss()).as("a reload is taken whole or not at all").isTrue();
			assertThat(reloads("failed")).as("failed reloads counted").isGreaterThan(failedBefore);
		}
		finally {
			Files.writeString(file, original);
		}
		await().atMost(Duration.ofMillis(INTERVAL_MILLIS).plus(MARGIN))
			.until(() -> Integer.valueOf(22).equals(this.requests.post("alongside").data("echo")));
		assertThat(output.getOut()).contains("can be loaded again");
		Files.delete(directory.resolve("alongside.graphql"));
		Files.delete(file);
	}

	@Test
	void successfulReloadIsCounted() throws IOException {
		double before = reloads("reloaded");
		Files.writeString(directory.resolve("counted.graphql"), "query Counted { echo(value: 41) }");
		await().atMost(Duration.ofMillis(INTERVAL_MILLIS).plus(MARGIN))
			.until(() -> Integer.valueOf(41).equals(this.requests.post("counted").data("echo")));
		assertThat(reloads("reloaded")).isGreaterThan(before);
		Files.delete(directory.resolve("counted.graphql"));
	}

	private double reloads(String outcome) {
		Counter counter = this.meterRegistry.find("persisted.operations.reloads").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static Path createDirectory() {
		try {
			return Files.createTempDirectory("hot-reload").toRealPath();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
