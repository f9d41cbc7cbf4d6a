package dev.persistedops.integration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.persistedops.test.GraphQlTestClient;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static dev.persistedops.integration.AutomaticPersistedQueriesIntegrationTests.assertCode;
import static dev.persistedops.integration.AutomaticPersistedQueriesIntegrationTests.hashOnly;
import static dev.persistedops.integration.AutomaticPersistedQueriesIntegrationTests.registration;
import static dev.persistedops.integration.AutomaticPersistedQueriesIntegrationTests.sha256;

/**
 * Automatic persisted queries with only-persisted mode on: a registration submits a
 * document, so it is refused unless the override hook allows that request.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "persisted-ops.apq.enabled=true",
				"persisted-ops.only-persisted=true" })
class OnlyPersistedApqIntegrationTests {

	@LocalServerPort
	int port;

	GraphQlTestClient graphQl;

	@BeforeEach
	void createClient() {
		this.graphQl = new GraphQlTestClient(this.port);
	}

	@Test
	void registrationIsRefusedAndStoresNothing() {
		String text = "query Refused { greeting(name: \"nobody\") }";
		assertCode(this.graphQl.post(registration(text, sha256(text))), "PERSISTED_QUERY_ONLY");
		assertCode(this.graphQl.post(hashOnly(sha256(text))), "PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void registrationAllowedByTheOverrideIsStoredAndThenRunsForAnyone() {
		String text = "query Allowed { greeting(name: \"staff\") }";
		this.graphQl.post(registration(text, sha256(text)), TestApplication.OVERRIDE_HEADER, "yes")
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, staff!");
		this.graphQl.post(hashOnly(sha256(text))).expectBody().jsonPath("$.data.greeting").isEqualTo("Hello, staff!");
	}

}
