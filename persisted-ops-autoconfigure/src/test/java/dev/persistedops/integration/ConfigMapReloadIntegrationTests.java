package dev.persistedops.integration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.persistedops.integration.PersistedRequests.Answer;
import dev.persistedops.store.DocumentReloader;
import dev.persistedops.store.DocumentReloader.Outcome;
import dev.persistedops.test.ConfigMapVolume;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hot reload of a directory store mounted as a Kubernetes ConfigMap volume, with the
 * kubelet's {@code ..data} swap, while requests run: every request is answered from one
 * version of the volume or misses cleanly, and none fails. The reloads are triggered by
 * the test (the reloader's own interval is an hour), so that it knows when each happens.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "persisted-ops.store.reload.enabled=true",
				"persisted-ops.store.reload.interval=1h", "server.tomcat.threads.max=16" })
class ConfigMapReloadIntegrationTests {

	private static final int REQUESTS = 1000;

	private static final int RELOADS = 20;

	private static final ConfigMapVolume volume = ConfigMapVolume.create("config-map");

	@LocalServerPort
	int port;

	@Autowired
	DocumentReloader reloader;

	@DynamicPropertySource
	static void documents(DynamicPropertyRegistry registry) {
		volume.update(version(0), ConfigMapVolume.NO_PAUSE);
		registry.add("persisted-ops.store.filesystem.locations", () -> "file:" + volume.directory() + "/");
	}

	@AfterAll
	static void deleteVolume() throws IOException {
		try (Stream<Path> paths = Files.walk(volume.directory())) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

	/**
	 * The volume's files in a version: {@code stable} always, {@code edited} with the
	 * version's parity as its value, {@code flapping} in even versions only.
	 */
	private static Map<String, String> version(int version) {
		Map<String, String> files = new HashMap<>();
		files.put("stable.graphql", "query Stable { echo(value: 1) }");
		files.put("edited.graphql", "query Edited { echo(value: " + (10 + version % 2) + ") }");
		if (version % 2 == 0) {
			files.put("flapping.graphql", "query Flapping { echo(value: 7) }");
		}
		return files;
	}

	@Test
	void requestsDuringReloadsAreAnsweredFromOneVersionOrMissCleanly() throws Exception {
		PersistedRequests requests = new PersistedRequests(this.port);
		List<String> ids = List.of("stable", "edited", "flapping");
		ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
		AtomicInteger completed = new AtomicInteger();
		AtomicInteger misses = new AtomicInteger();
		ExecutorService clients = Executors.newFixedThreadPool(8);
		List<Future<?>> sent = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			String id = ids.get(i % ids.size());
			sent.add(clients.submit(() -> {
				Answer answer = requests.post(id);
				Object echo = (answer.status() == 200) ? answer.data("echo") : null;
				boolean expected = switch (id) {
					case "stable" -> Integer.valueOf(1).equals(echo);
					case "edited" -> Integer.valueOf(10).equals(echo) || Integer.valueOf(11).equals(echo);
					default -> Integer.valueOf(7).equals(echo) || answer.isMiss();
				};
				if (answer.isMiss()) {
					misses.incrementAndGet();
				}
				if (!expected) {
					unexpected.add(id + " answered " + answer.status() + " " + answer.body());
				}
				completed.incrementAndGet();
			}));
		}
		List<Outcome> outcomes = new ArrayList<>();
		int completedAtLastReload = 0;
		for (int reload = 1; reload <= RELOADS; reload++) {
			int after = reload * REQUESTS / (2 * RELOADS);
			while (completed.get() < after) {
				Thread.sleep(1);
			}
			volume.update(version(reload), ConfigMapVolume.NO_PAUSE);
			outcomes.add(this.reloader.reloadIfChanged());
			completedAtLastReload = completed.get();
		}
		for (Future<?> request : sent) {
			request.get(60, TimeUnit.SECONDS);
		}
		clients.shutdown();
		assertThat(outcomes).hasSize(RELOADS).containsOnly(Outcome.RELOADED);
		assertThat(completedAtLastReload).as("requests still running after the last reload").isLessThan(REQUESTS);
		assertThat(unexpected).isEmpty();
		assertThat(completed).hasValue(REQUESTS);
		assertThat(misses.get()).as("the flapping document missed while it was gone").isPositive();
		PersistedRequests after = new PersistedRequests(this.port);
		assertThat(after.post("edited").data("echo")).isEqualTo(10);
		assertThat(after.post("flapping").data("echo")).isEqualTo(7);
	}

}
