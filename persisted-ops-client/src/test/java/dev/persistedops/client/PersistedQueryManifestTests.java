package dev.persistedops.client;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PersistedQueryManifest} and {@link ManifestDocumentSource}.
 */
class PersistedQueryManifestTests {

	private static final String BODY = "query GetBook { book(id: 1) { title } }";

	@Test
	void givesEachBodyItsIdAndEachNameItsBody() {
		PersistedQueryManifest manifest = parse(
				manifest("{\"id\":\"abc\",\"name\":\"GetBook\",\"type\":\"query\",\"body\":\"" + BODY + "\"}"));
		assertThat(manifest.idOf(BODY)).isEqualTo("abc");
		assertThat(manifest.idOf(BODY + " ")).isNull();
		assertThat(manifest.bodyOf("GetBook")).isEqualTo(BODY);
		assertThat(new ManifestDocumentSource(manifest).getDocument("GetBook").block()).isEqualTo(BODY);
	}

	@Test
	void documentSourceNamesTheMissingOperation() {
		PersistedQueryManifest manifest = parse(
				manifest("{\"id\":\"abc\",\"name\":\"GetBook\",\"type\":\"query\",\"body\":\"" + BODY + "\"}"));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> new ManifestDocumentSource(manifest).getDocument("ListBooks").block())
			.withMessage("The persisted query manifest has no operation named 'ListBooks' (it has [GetBook])");
	}

	@Test
	void refusesAnotherFormat() {
		assertInvalid("{\"format\":\"relay\",\"version\":1,\"operations\":[]}",
				"test.json: 'format' must be 'apollo-persisted-query-manifest'");
	}

	@Test
	void refusesAnotherVersion() {
		assertInvalid("{\"format\":\"apollo-persisted-query-manifest\",\"version\":2,\"operations\":[]}",
				"test.json: 'version' must be 1");
	}

	@Test
	void refusesAnOperationWithoutABody() {
		assertInvalid(manifest("{\"id\":\"abc\",\"name\":\"GetBook\",\"type\":\"query\"}"),
				"test.json operations[0]: 'body' must be a non-empty string");
	}

	@Test
	void refusesAnUnknownOperationType() {
		assertInvalid(manifest("{\"id\":\"abc\",\"name\":\"GetBook\",\"type\":\"fragment\",\"body\":\"x\"}"),
				"test.json operations[0]: 'type' must be query, mutation or subscription");
	}

	@Test
	void refusesTwoOperationsWithOneNameAndDifferentBodies() {
		assertInvalid(
				manifest("{\"id\":\"a\",\"name\":\"GetBook\",\"type\":\"query\",\"body\":\"x\"},"
						+ "{\"id\":\"b\",\"name\":\"GetBook\",\"type\":\"query\",\"body\":\"y\"}"),
				"test.json operations[1]: two operations are named 'GetBook'");
	}

	@Test
	void refusesJsonThatIsNotValid() {
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> parse("{\"format\":"))
			.withMessageStartingWith("test.json is not valid JSON: ");
	}

	@Test
	void namesAResourceThatCannotBeRead() {
		assertThatExceptionOfType(InvalidManifestException.class)
			.isThrownBy(() -> PersistedQueryManifest
				.load(new org.springframework.core.io.ClassPathResource("no-such-manifest.json")))
			.withMessageStartingWith("class path resource [no-such-manifest.json] cannot be read");
	}

	@Test
	void loadsFromAResource() {
		String content = manifest("{\"id\":\"abc\",\"name\":\"GetBook\",\"type\":\"query\",\"body\":\"" + BODY + "\"}");
		assertThat(
				PersistedQueryManifest.load(new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8))).idOf(BODY))
			.isEqualTo("abc");
	}

	private static String manifest(String operations) {
		return "{\"format\":\"apollo-persisted-query-manifest\",\"version\":1,\"operations\":[" + operations + "]}";
	}

	private static PersistedQueryManifest parse(String content) {
		return PersistedQueryManifest.parse(content.getBytes(StandardCharsets.UTF_8), "test.json");
	}

	private static void assertInvalid(String content, String message) {
		assertThatExceptionOfType(InvalidManifestException.class).isThrownBy(() -> parse(content)).withMessage(message);
	}

}
