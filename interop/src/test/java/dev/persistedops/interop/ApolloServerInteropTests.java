package dev.persistedops.interop;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.persistedops.client.IdConvention;
import dev.persistedops.client.PersistedOperationsConfigurer;
import dev.persistedops.test.NodeServer;

import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.client.HttpSyncGraphQlClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java client's automatic persisted queries against the real Apollo Server 4
 * ({@code interop/apollo-server.mjs}, APQ on as by default): a miss, a registration, then
 * the hash alone, as Apollo Server recorded the requests.
 */
class ApolloServerInteropTests {

	private static final PersistedOperationsConfigurer APQ = PersistedOperationsConfigurer.builder()
		.convention(IdConvention.PERSISTED_QUERY)
		.automaticPersistedQueries(true)
		.build();

	private static final PersistedOperationsConfigurer APQ_WITH_GET = PersistedOperationsConfigurer.builder()
		.convention(IdConvention.PERSISTED_QUERY)
		.automaticPersistedQueries(true)
		.getForQueries(true)
		.build();

	// A server per test: each starts with an empty APQ cache.
	NodeServer apolloServer;

	@BeforeEach
	void startApolloServer() {
		this.apolloServer = NodeServer.start("interop", "apollo-server.mjs");
	}

	@AfterEach
	void stopApolloServer() {
		this.apolloServer.close();
	}

	@Test
	void syncClientMissesRegistersThenSendsTheHashAlone() {
		HttpSyncGraphQlClient client = APQ.configure(HttpSyncGraphQlClient.builder())
			.url(this.apolloServer.url("/"))
			.build();

		assertThat(ServerRecords.during(this.apolloServer,
				() -> assertThat(bookTitle(client, "1")).isEqualTo("The Left Hand of Darkness")))
			.containsExactly("POST hash", "POST hash+text");
		assertThat(
				ServerRecords.during(this.apolloServer, () -> assertThat(bookTitle(client, "2")).isEqualTo("Kindred")))
			.containsExactly("POST hash");
	}

	@Test
	void reactiveClientSendsQueriesByGetAndMutationsByPost() {
		// Apollo Server's CSRF prevention wants this header on a GET, as it does from
		// Apollo Client.
		HttpGraphQlClient client = APQ_WITH_GET.configure(HttpGraphQlClient.builder())
			.url(this.apolloServer.url("/"))
			.header("apollo-require-preflight", "true")
			.build();

		assertThat(ServerRecords.during(this.apolloServer,
				() -> assertThat(titlesBy(client, "Octavia E. Butler")).containsExactly("Kindred")))
			.containsExactly("GET hash", "POST hash+text");
		assertThat(ServerRecords.during(this.apolloServer,
				() -> assertThat(titlesBy(client, "Ursula K. Le Guin")).containsExactly("The Left Hand of Darkness")))
			.containsExactly("GET hash");
		assertThat(ServerRecords.during(this.apolloServer, () -> addBook(client, "Wild Seed")))
			.containsExactly("POST hash", "POST hash+text");
		assertThat(ServerRecords.during(this.apolloServer, () -> addBook(client, "Dawn"))).containsExactly("POST hash");
	}

	@Test
	void syncClientSendsQueriesByGet() {
		HttpSyncGraphQlClient client = APQ_WITH_GET.configure(HttpSyncGraphQlClient.builder())
			.url(this.apolloServer.url("/"))
			.header("apollo-require-preflight", "true")
			.build();
		assertThat(ServerRecords.during(this.apolloServer,
				() -> client.documentName("InteropBooksBy")
					.variable("author", "Nobody")
					.retrieveSync("books")
					.toEntityList(Map.class)))
			.containsExactly("GET hash", "POST hash+text");
		assertThat(ServerRecords.during(this.apolloServer,
				() -> client.documentName("InteropBooksBy")
					.variable("author", "Nobody Else")
					.retrieveSync("books")
					.toEntityList(Map.class)))
			.containsExactly("GET hash");
	}

	static String bookTitle(HttpSyncGraphQlClient client, String id) {
		return client.documentName("InteropBook").variable("id", id).retrieveSync("book.title").toEntity(String.class);
	}

	static List<Object> titlesBy(HttpGraphQlClient client, String author) {
		List<Map> books = client.documentName("InteropBooksBy")
			.variable("author", author)
			.retrieve("books")
			.toEntityList(Map.class)
			.block();
		return books.stream().map((book) -> book.get("title")).toList();
	}

	static void addBook(HttpGraphQlClient client, String title) {
		String added = client.documentName("InteropAddBook")
			.variable("title", title)
			.variable("author", "Octavia E. Butler")
			.retrieve("addBook.title")
			.toEntity(String.class)
			.block();
		assertThat(added).isEqualTo(title);
	}

}
