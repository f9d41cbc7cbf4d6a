package dev.persistedops.sample;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import dev.persistedops.test.NodeScript;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Apollo Client 4 with its persisted query link ({@code e2e/apollo}) against the
 * running sample app, with automatic persisted queries on (as in the sample's development
 * profile) and off. What the client sent is proved from the server side.
 */
class ApolloClientTests {

	static NodeScript.Result runApolloClient(int port) {
		NodeScript.Result result = NodeScript.run("apollo/persisted-queries.mjs",
				"http://localhost:" + port + "/graphql");
		assertThat(result.exitCode()).as(result.output()).isZero();
		assertThat(result.output()).doesNotContain("\"ok\":false");
		return result;
	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	@Import(RequestRecording.class)
	class WithApq {

		@LocalServerPort
		int port;

		@Autowired
		RequestRecording.Requests requests;

		@Test
		void firstQueryMissesAndRegistersThenGoesByHashAlone() {
			runApolloClient(this.port);
			// The first query misses, is sent again with its text, and then goes by
			// hash alone.
			assertThat(this.requests.of("ApolloBook")).containsExactly("POST hash", "POST hash+text", "POST hash");
			// The same with useGETForHashedQueries: the hash alone goes by GET, the
			// text by POST.
			assertThat(this.requests.of("ApolloBooksBy")).containsExactly("GET hash", "POST hash+text", "GET hash");
			// A mutation goes by POST even with useGETForHashedQueries.
			assertThat(this.requests.of("ApolloAddBook")).containsExactly("POST hash", "POST hash+text");
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "persisted-ops.apq.enabled=false")
	@Import(RequestRecording.class)
	class WithoutApq {

		@LocalServerPort
		int port;

		@Autowired
		RequestRecording.Requests requests;

		@Test
		void clientFallsBackToSendingDocuments() {
			runApolloClient(this.port);
			// PersistedQueryNotSupported on the hash alone: the client stops hashing.
			assertThat(this.requests.of("ApolloBook")).containsExactly("POST hash", "POST text", "POST text");
			assertThat(this.requests.of("ApolloBooksBy")).containsExactly("GET hash", "POST text", "POST text");
			// That client stopped hashing at its first answer, so its mutation goes
			// as text at once.
			assertThat(this.requests.of("ApolloAddBook")).containsExactly("POST text");
		}

	}

}
