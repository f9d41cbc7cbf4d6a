package dev.persistedops.interop;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.persistedops.client.IdConvention;
import dev.persistedops.client.PersistedOperationClientInterceptor;
import dev.persistedops.client.PersistedOperationsConfigurer;
import dev.persistedops.test.NodeServer;

import org.springframework.graphql.client.HttpSyncGraphQlClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java client against the real Apollo Server 4 with automatic persisted queries off:
 * it answers the hash with {@code PersistedQueryNotSupported}, and the client sends the
 * text and stops hashing, as Apollo Client does.
 */
class ApolloServerWithoutApqInteropTests {

	NodeServer apolloServer;

	@BeforeEach
	void startApolloServer() {
		this.apolloServer = NodeServer.start("interop", "apollo-server.mjs", "--no-apq");
	}

	@AfterEach
	void stopApolloServer() {
		this.apolloServer.close();
	}

	@Test
	void clientStopsHashingAfterPersistedQueryNotSupported() {
		PersistedOperationsConfigurer configurer = PersistedOperationsConfigurer.builder()
			.convention(IdConvention.PERSISTED_QUERY)
			.automaticPersistedQueries(true)
			.build();
		PersistedOperationClientInterceptor interceptor = configurer.interceptor(false);
		HttpSyncGraphQlClient client = HttpSyncGraphQlClient.builder()
			.url(this.apolloServer.url("/"))
			.interceptor(interceptor)
			.build();

		assertThat(ServerRecords.during(this.apolloServer,
				() -> assertThat(ApolloServerInteropTests.bookTitle(client, "1"))
					.isEqualTo("The Left Hand of Darkness")))
			.containsExactly("POST hash", "POST text");
		assertThat(interceptor.isStopped()).isTrue();
		assertThat(ServerRecords.during(this.apolloServer,
				() -> assertThat(ApolloServerInteropTests.bookTitle(client, "2")).isEqualTo("Kindred")))
			.containsExactly("POST text");
	}

}
