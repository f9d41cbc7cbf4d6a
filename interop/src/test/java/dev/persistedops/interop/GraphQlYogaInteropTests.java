package dev.persistedops.interop;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.persistedops.client.IdConvention;
import dev.persistedops.client.PersistedOperationsConfigurer;
import dev.persistedops.client.PersistedQueryManifest;
import dev.persistedops.test.NodeServer;

import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.client.HttpSyncGraphQlClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java client against the real GraphQL Yoga with its persisted operations plugin
 * ({@code interop/yoga-server.mjs}), which runs only the documents of
 * {@code src/test/resources/graphql-documents/}, by {@code documentId}
 * ({@code sha256:<hex>}) or Apollo's hash, and refuses any text.
 */
class GraphQlYogaInteropTests {

	static NodeServer yoga;

	@BeforeAll
	static void startYoga() {
		yoga = NodeServer.start("interop", "yoga-server.mjs", "src/test/resources/graphql-documents");
	}

	@AfterAll
	static void stopYoga() {
		yoga.close();
	}

	@Test
	void syncClientSendsDocumentId() {
		HttpSyncGraphQlClient client = PersistedOperationsConfigurer.builder()
			.build()
			.configure(HttpSyncGraphQlClient.builder())
			.url(yoga.url("/graphql"))
			.build();
		assertThat(ServerRecords.during(yoga, () -> assertThat(ApolloServerInteropTests.bookTitle(client, "1"))
			.isEqualTo("The Left Hand of Darkness"))).containsExactly("POST documentId");
	}

	@Test
	void reactiveClientSendsDocumentId() {
		HttpGraphQlClient client = PersistedOperationsConfigurer.builder()
			.build()
			.configure(HttpGraphQlClient.builder())
			.url(yoga.url("/graphql"))
			.build();
		assertThat(ServerRecords.during(yoga, () -> ApolloServerInteropTests.addBook(client, "Fledgling")))
			.containsExactly("POST documentId");
	}

	@Test
	void clientSendsApolloHash() {
		HttpSyncGraphQlClient client = PersistedOperationsConfigurer.builder()
			.convention(IdConvention.PERSISTED_QUERY)
			.build()
			.configure(HttpSyncGraphQlClient.builder())
			.url(yoga.url("/graphql"))
			.build();
		assertThat(ServerRecords.during(yoga,
				() -> assertThat(ApolloServerInteropTests.bookTitle(client, "2")).isEqualTo("Kindred")))
			.containsExactly("POST hash");
	}

	@Test
	void clientTakesTheDocumentAndItsIdFromAnApolloManifest() {
		PersistedQueryManifest manifest = PersistedQueryManifest
			.load(new ClassPathResource("persisted-query-manifest.json"));
		HttpSyncGraphQlClient client = PersistedOperationsConfigurer.builder()
			.convention(IdConvention.PERSISTED_QUERY)
			.manifest(manifest)
			.build()
			.configure(HttpSyncGraphQlClient.builder())
			.url(yoga.url("/graphql"))
			.build();
		// ManifestBook is only in the manifest, not in graphql-documents/.
		assertThat(ServerRecords.during(yoga,
				() -> assertThat(client.documentName("ManifestBook")
					.variable("id", "1")
					.retrieveSync("book.title")
					.toEntity(String.class)).isEqualTo("The Left Hand of Darkness")))
			.containsExactly("POST hash");
	}

	@Test
	void withoutTheClientPieceTheTextIsRefused() {
		HttpSyncGraphQlClient client = HttpSyncGraphQlClient.builder().url(yoga.url("/graphql")).build();
		ClientGraphQlResponse response = client.documentName("InteropBook").variable("id", "1").executeSync();
		assertThat(response.getErrors()).extracting((error) -> error.getMessage())
			.containsExactly("PersistedQueryOnly");
	}

}
