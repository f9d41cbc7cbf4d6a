package dev.persistedops.integration;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.persistedops.publish.DocumentPublishingException;
import dev.persistedops.test.GraphQlTestClient;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every write to a store that is frozen (SIGSTOP: connections open, nothing answered) is
 * answered within the store's timeout plus a second, with the starter's own error: an APQ
 * registration after a remembered miss, a Relay persist, an OperationStore sync and a
 * deploy-time publish; and graceful shutdown completes while such requests are in flight.
 * Each subclass runs it against one real store.
 */
abstract class FrozenStoreWritesIntegrationTests {

	static final Duration TIMEOUT = Duration.ofSeconds(1);

	/** What the acceptance allows on top of the timeout. */
	static final Duration BOUND = TIMEOUT.plusSeconds(1);

	private ConfigurableApplicationContext context;

	/**
	 * Return the properties that select and reach the store.
	 */
	abstract List<String> storeProperties();

	/**
	 * Return what the store's client needs on top of {@link #storeProperties()} to start
	 * against a store that is frozen already.
	 */
	List<String> frozenAtStartProperties() {
		return List.of();
	}

	abstract void freeze();

	abstract void thaw();

	@AfterEach
	void stop() {
		thaw();
		if (this.context != null) {
			this.context.close();
		}
	}

	GraphQlTestClient start(String... properties) {
		List<String> arguments = new ArrayList<>(
				List.of("--server.port=0", "--server.shutdown=graceful", "--spring.main.web-application-type=servlet",
						"--persisted-ops.store.timeout=" + TIMEOUT.toMillis() + "ms",
						"--persisted-ops.apq.enabled=true", "--persisted-ops.relay.enabled=true",
						"--persisted-ops.relay.token=build-token", "--persisted-ops.operation-store.enabled=true",
						"--persisted-ops.operation-store.clients.ios.secrets=ios-secret"));
		storeProperties().forEach((property) -> arguments.add("--" + property));
		List.of(properties).forEach((property) -> arguments.add("--" + property));
		this.context = new SpringApplicationBuilder(TestApplication.class).run(arguments.toArray(String[]::new));
		return new GraphQlTestClient(((WebServerApplicationContext) this.context).getWebServer().getPort());
	}

	private static void assertWithinBound(long startedNanos) {
		assertThat(Duration.ofNanos(System.nanoTime() - startedNanos)).isLessThan(BOUND);
	}

	@Test
	void apqRegistrationAfterARememberedMissIsRefusedInTimeAndRunsNothing() {
		GraphQlTestClient graphQl = start();
		String text = "mutation FrozenApq { increment }";
		String hash = AutomaticPersistedQueriesIntegrationTests.sha256(text);
		graphQl.post(AutomaticPersistedQueriesIntegrationTests.hashOnly(hash))
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		freeze();
		long started = System.nanoTime();
		graphQl.post(AutomaticPersistedQueriesIntegrationTests.registration(text, hash))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_STORE_UNAVAILABLE")
			.jsonPath("$.data")
			.doesNotExist();
		assertWithinBound(started);
		assertThat(this.context.getBean(TestApplication.GreetingController.class).counter).hasValue(0);
	}

	@Test
	void relayPersistAnswersItsOwnErrorInTime() {
		GraphQlTestClient graphQl = start();
		// A running application: the endpoint has stored before.
		persist(graphQl, "query WarmRelay { greeting }").expectStatus().isOk();
		freeze();
		long started = System.nanoTime();
		persist(graphQl, "query FrozenRelay { greeting }").expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.error.message")
			.value((message) -> assertThat((String) message).startsWith("The document store is unavailable"));
		assertWithinBound(started);
	}

	@Test
	void operationStoreSyncAnswersItsOwnErrorInTime() {
		GraphQlTestClient graphQl = start();
		String warm = "{\"operations\":[" + operation("warm", "query Warm { greeting }") + "]}";
		sync(graphQl, warm).expectStatus().isOk();
		freeze();
		String body = "{\"operations\":[" + operation("a", "query FrozenA { greeting }") + ","
				+ operation("b", "query FrozenB { greeting }") + "," + operation("c", "query FrozenC { greeting }")
				+ "]}";
		long started = System.nanoTime();
		sync(graphQl, body).expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.error.message")
			.value((message) -> assertThat((String) message).startsWith("The document store is unavailable"));
		assertWithinBound(started);
	}

	private static WebTestClient.ResponseSpec persist(GraphQlTestClient graphQl, String operation) {
		return graphQl.webTestClient()
			.post()
			.uri("/persisted-operations/relay")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Persist-Token", "build-token")
			.bodyValue(PublishingEndpointsIntegrationTests.text(operation))
			.exchange();
	}

	private static String operation(String alias, String body) {
		return "{\"name\":\"Op\",\"body\":" + PublishingEndpointsIntegrationTests.quote(body) + ",\"alias\":\"" + alias
				+ "\"}";
	}

	private static WebTestClient.ResponseSpec sync(GraphQlTestClient graphQl, String body) {
		return graphQl.webTestClient()
			.post()
			.uri("/persisted-operations/sync")
			.contentType(MediaType.APPLICATION_JSON)
			.header("Authorization", PublishingEndpointsIntegrationTests.signed("ios", "ios-secret", body))
			.bodyValue(body.getBytes(StandardCharsets.UTF_8))
			.exchange();
	}

	@Test
	void deployTimePublishFailsTheStartInTimeSayingTheStoreIsUnavailable(@TempDir Path documents) throws Exception {
		for (int i = 0; i < 40; i++) {
			Files.writeString(documents.resolve("frozen-" + i + ".graphql"), "query Frozen" + i + " { greeting }");
		}
		freeze();
		AtomicLong publishingStarted = new AtomicLong();
		AtomicLong failed = new AtomicLong();
		assertThatExceptionOfType(DocumentPublishingException.class).isThrownBy(() -> {
			{
				List<String> arguments = new ArrayList<>(List.of("--spring.main.web-application-type=none",
						"--persisted-ops.store.timeout=" + TIMEOUT.toMillis() + "ms",
						"--persisted-ops.publish.enabled=true",
						"--persisted-ops.publish.filesystem.locations=file:" + documents + "/"));
				storeProperties().forEach((property) -> arguments.add("--" + property));
				frozenAtStartProperties().forEach((property) -> arguments.add("--" + property));
				// Runners, publishing among them, run between these two events.
				new SpringApplicationBuilder(TestApplication.class)
					.listeners((ApplicationListener<ApplicationStartedEvent>) (event) -> publishingStarted
						.set(System.nanoTime()))
					.listeners((ApplicationListener<ApplicationFailedEvent>) (event) -> failed.set(System.nanoTime()))
					.run(arguments.toArray(String[]::new));
			}
		}).withMessageContaining("the document store is unavailable");
		assertThat(Duration.ofNanos(failed.get() - publishingStarted.get())).isLessThan(BOUND);
	}

	@Test
	void gracefulShutdownCompletesWhileWritesAreInFlight() {
		GraphQlTestClient graphQl = start();
		int port = ((WebServerApplicationContext) this.context).getWebServer().getPort();
		String text = "query FrozenShutdown { greeting }";
		String hash = AutomaticPersistedQueriesIntegrationTests.sha256(text);
		graphQl.post(AutomaticPersistedQueriesIntegrationTests.hashOnly(hash)).expectStatus().isOk();
		freeze();
		WebClient client = WebClient.create("http://localhost:" + port);
		CompletableFuture<String> registration = client.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(AutomaticPersistedQueriesIntegrationTests.registration(text, hash))
			.exchangeToMono((response) -> response.bodyToMono(String.class))
			.toFuture();
		CompletableFuture<String> persist = client.post()
			.uri("/persisted-operations/relay")
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.header("X-Persist-Token", "build-token")
			.bodyValue(PublishingEndpointsIntegrationTests.text("query FrozenShutdownRelay { greeting }"))
			.exchangeToMono((response) -> response.bodyToMono(String.class))
			.toFuture();
		Awaitility.await().pollDelay(Duration.ofMillis(300)).until(() -> true);
		long started = System.nanoTime();
		this.context.close();
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
		assertThat(registration.join()).contains("PERSISTED_QUERY_STORE_UNAVAILABLE");
		assertThat(persist.join()).contains("The document store is unavailable");
	}

}
