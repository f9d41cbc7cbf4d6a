package dev.persistedops.sample;

import org.junit.jupiter.api.Test;

import dev.persistedops.client.IdConvention;
import dev.persistedops.client.PersistedOperationsConfigurer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.client.HttpSyncGraphQlClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java client's automatic persisted queries against the sample app in its development
 * profile (APQ on): a document the server has never seen costs two requests the first
 * time (the hash misses, then hash and text register it) and one, the hash alone, from
 * then on.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(RequestRecording.class)
class JavaClientApqTests {

	private static final String DOCUMENT = "query JavaApqBook($id: ID!) { book(id: $id) { title author } }";

	@LocalServerPort
	int port;

	@Autowired
	RequestRecording.Requests requests;

	@Test
	void firstCallMissesAndRegistersThenTheHashAloneRuns() {
		HttpSyncGraphQlClient client = PersistedOperationsConfigurer.builder()
			.convention(IdConvention.PERSISTED_QUERY)
			.automaticPersistedQueries(true)
			.build()
			.configure(HttpSyncGraphQlClient.builder())
			.url("http://localhost:" + this.port + "/graphql")
			.build();

		assertThat(title(client, "1")).isEqualTo("The Left Hand of Darkness");
		assertThat(this.requests.of("JavaApqBook")).containsExactly("POST hash", "POST hash+text");

		assertThat(title(client, "2")).isEqualTo("The Dispossessed");
		assertThat(title(client, "3")).isEqualTo("Kindred");
		assertThat(this.requests.of("JavaApqBook")).containsExactly("POST hash", "POST hash+text", "POST hash",
				"POST hash");
	}

	private static String title(HttpSyncGraphQlClient client, String id) {
		return client.document(DOCUMENT)
			.operationName("JavaApqBook")
			.variable("id", id)
			.retrieveSync("book.title")
			.toEntity(String.class);
	}

}
