package dev.persistedops.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.persistedops.test.GraphQlTestClient;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The HTTP status of an unavailable store (Redis on a port nothing listens on): 503 with
 * {@code Retry-After} under {@code application/graphql-response+json}, Spring's 200 under
 * {@code application/json}, and a well-formed GraphQL response either way. Each subclass
 * runs it on one web stack.
 */
abstract class StoreUnavailableHttpStatusIntegrationTests {

	static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

	@LocalServerPort
	int port;

	GraphQlTestClient graphQl;

	@DynamicPropertySource
	static void unreachableRedis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.port", StoreUnavailableHttpStatusIntegrationTests::closedPort);
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@BeforeEach
	void createClient() {
		this.graphQl = new GraphQlTestClient(this.port);
	}

	@Test
	void outageUnderGraphQlResponseJsonIs503WithRetryAfterAndAGraphQlBody() {
		this.graphQl.webTestClient()
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(GRAPHQL_RESPONSE)
			.bodyValue(Map.of("id", Documents.GREETING_ID))
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "3")
			.expectHeader()
			.contentTypeCompatibleWith(GRAPHQL_RESPONSE)
			.expectBody()
			.jsonPath("$.data")
			.doesNotExist()
			.jsonPath("$.errors.length()")
			.isEqualTo(1)
			.jsonPath("$.errors[0].message")
			.isNotEmpty()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_STORE_UNAVAILABLE");
	}

	@Test
	void outageOfAGetUnderGraphQlResponseJsonIs503() {
		this.graphQl.webTestClient()
			.get()
			.uri("/graphql?id={id}", Documents.GREETING_ID)
			.accept(GRAPHQL_RESPONSE)
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_STORE_UNAVAILABLE");
	}

	@Test
	void outageUnderApplicationJsonKeepsSpringsOk() {
		this.graphQl.post(Map.of("id", Documents.GREETING_ID))
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_STORE_UNAVAILABLE");
	}

	@Test
	void unknownIdUnderGraphQlResponseJsonKeepsSprings400() {
		this.graphQl.webTestClient()
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(GRAPHQL_RESPONSE)
			.bodyValue(Map.of("query", "{ greeting(name: 1, name: 2) }"))
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

}
