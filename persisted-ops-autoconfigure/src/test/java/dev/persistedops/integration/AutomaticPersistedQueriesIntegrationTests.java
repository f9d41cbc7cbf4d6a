package dev.persistedops.integration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.persistedops.execution.PersistedDocumentCache;
import dev.persistedops.test.GraphQlTestClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Automatic persisted queries over real HTTP, Apollo's protocol exactly.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.main.web-application-type=servlet", "persisted-ops.apq.enabled=true",
				"persisted-ops.apq.max-document-size=4KB" })
class AutomaticPersistedQueriesIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	PersistedDocumentCache parsedDocuments;

	GraphQlTestClient graphQl;

	@BeforeEach
	void createClient() {
		this.graphQl = new GraphQlTestClient(this.port);
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Map<String, Object> hashOnly(String hash) {
		return Map.of("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
	}

	static Map<String, Object> registration(String text, String hash) {
		return Map.of("query", text, "extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
	}

	static void assertCode(WebTestClient.ResponseSpec response, String code) {
		response.expectBody().jsonPath("$.data").doesNotExist().jsonPath("$.errors[0].extensions.code").isEqualTo(code);
	}

	@Test
	void unknownHashMissesThenRegistrationRunsAndStoresThenTheHashAloneRuns() {
		String text = "query Apq1 { greeting(name: \"apq\") }";
		String hash = sha256(text);
		this.graphQl.post(hashOnly(hash))
			.expectStatus()
			.isOk()
			.expectHeader()
			.valueEquals("Cache-Control", "private, no-cache, must-revalidate")
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("PersistedQueryNotFound")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");
		this.graphQl.post(registration(text, hash)).expectBody().jsonPath("$.data.greeting").isEqualTo("Hello, apq!");
		this.graphQl.post(hashOnly(hash)).expectBody().jsonPath("$.data.greeting").isEqualTo("Hello, apq!");
		String extensions = "{\"clientLibrary\":{\"name\":\"@apollo/client\",\"version\":\"4.3.8\"},"
				+ "\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
		this.graphQl.get(Map.of("operationName", "Apq1", "variables", "{}", "extensions", extensions))
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, apq!");
	}

	@Test
	void mismatchingHashIsRefusedAndStoresNothing() {
		String text = "query Apq2 { greeting(name: \"two\") }";
		String otherHash = sha256(text + " ");
		this.graphQl.post(registration(text, otherHash))
			.expectBody()
			.jsonPath("$.errors[0].message")
			.isEqualTo("provided sha does not match query")
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_HASH_MISMATCH")
			.jsonPath("$.data")
			.doesNotExist();
		assertCode(this.graphQl.post(hashOnly(otherHash)), "PERSISTED_QUERY_NOT_FOUND");
		assertCode(this.graphQl.post(hashOnly(sha256(text))), "PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void documentInvalidAgainstTheSchemaRunsWithItsErrorsAndIsNeitherStoredNorKeptParsed() {
		String text = "query Apq3 { noSuchField }";
		String hash = sha256(text);
		long parsed = this.parsedDocuments.size();
		this.graphQl.post(registration(text, hash))
			.expectBody()
			.jsonPath("$.errors[0].extensions.classification")
			.isEqualTo("ValidationError");
		assertCode(this.graphQl.post(hashOnly(hash)), "PERSISTED_QUERY_NOT_FOUND");
		org.assertj.core.api.Assertions.assertThat(this.parsedDocuments.size()).isEqualTo(parsed);
	}

	@Test
	void versionOtherThanOneIsRefused() {
		String text = "query Apq4 { greeting }";
		assertCode(
				this.graphQl.post(Map.of("query", text, "extensions",
						Map.of("persistedQuery", Map.of("version", 2, "sha256Hash", sha256(text))))),
				"PERSISTED_QUERY_ID_INVALID");
	}

	@Test
	void hashThatIsNotSixtyFourHexCharactersIsRefused() {
		assertCode(this.graphQl.post(hashOnly("abc")), "PERSISTED_QUERY_ID_INVALID");
		assertCode(this.graphQl.post(registration("{ greeting }", "../../etc/passwd")), "PERSISTED_QUERY_ID_INVALID");
		assertCode(this.graphQl.post(hashOnly(sha256("x").toUpperCase())), "PERSISTED_QUERY_ID_INVALID");
	}

	@Test
	void persistedQueryThatIsNotAnObjectIsRefused() {
		assertCode(this.graphQl.post(Map.of("query", "{ greeting }", "extensions", Map.of("persistedQuery", "abc"))),
				"PERSISTED_QUERY_ID_INVALID");
		assertCode(this.graphQl.post(Map.of("extensions", Map.of("persistedQuery", 1))), "PERSISTED_QUERY_ID_INVALID");
	}

	@Test
	void registrationOverTheSizeLimitIsRefusedAndStoresNothing() {
		String text = "query Apq5 { greeting }" + " ".repeat(1024 * 1024);
		String hash = sha256(text);
		this.graphQl.post(registration(text, hash))
			.expectBody()
			.jsonPath("$.errors[0].extensions.code")
			.isEqualTo("PERSISTED_QUERY_TOO_LARGE")
			.jsonPath("$.errors[0].message")
			.value((message) -> org.assertj.core.api.Assertions.assertThat((String) message).contains("4096"));
		assertCode(this.graphQl.post(hashOnly(hash)), "PERSISTED_QUERY_NOT_FOUND");
	}

	@Test
	void registeredMutationOverGetIs405() {
		String text = "mutation Apq6 { increment }";
		String hash = sha256(text);
		this.graphQl.post(registration(text, hash)).expectBody().jsonPath("$.data.increment").isNumber();
		this.graphQl.get(Map.of("extensions", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}"))
			.expectStatus()
			.isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
	}

	@Test
	void documentsDeployedAsFilesStillAnswerTheirHash() {
		this.graphQl.post(hashOnly(Documents.GREETING_SHA256))
			.expectBody()
			.jsonPath("$.data.greeting")
			.isEqualTo("Hello, world!");
	}

}
