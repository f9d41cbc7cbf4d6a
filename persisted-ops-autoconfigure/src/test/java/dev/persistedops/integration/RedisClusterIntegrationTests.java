package dev.persistedops.integration;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.persistedops.test.GraphQlTestClient;
import dev.persistedops.test.RedisClusterTestServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Redis store on a real Redis Cluster of three masters: documents published by one
 * application are spread over the cluster's slots, on every master, and another
 * application, starting cold, serves every one of them.
 */
class RedisClusterIntegrationTests {

	private static final int DOCUMENTS = 30;

	@Test
	void documentsPublishedIntoAClusterAreSpreadOverItsMastersAndServedFromEach(@TempDir Path documents)
			throws Exception {
		for (int i = 0; i < DOCUMENTS; i++) {
			Files.writeString(documents.resolve("cluster-" + i + ".graphql"),
					"query Cluster" + i + " { greeting(name: \"" + i + "\") }");
		}
		try (RedisClusterTestServer cluster = RedisClusterTestServer.launch()) {
			List<String> publish = new ArrayList<>(List.of("--spring.main.web-application-type=none",
					"--persisted-ops.store.type=redis", "--persisted-ops.publish.enabled=true",
					"--persisted-ops.publish.filesystem.locations=file:" + documents + "/"));
			List<String> serve = new ArrayList<>(List.of("--server.port=0",
					"--spring.main.web-application-type=servlet", "--persisted-ops.store.type=redis"));
			for (String property : cluster.springProperties()) {
				publish.add("--" + property);
				serve.add("--" + property);
			}
			new SpringApplicationBuilder(TestApplication.class).run(publish.toArray(String[]::new)).close();
			List<Long> keysPerMaster = cluster.callEachNode((redis) -> redis.dbsize());
			assertThat(keysPerMaster).hasSize(3).allMatch((keys) -> keys > 0);
			assertThat(keysPerMaster.stream().mapToLong(Long::longValue).sum()).isEqualTo(DOCUMENTS);
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
				.run(serve.toArray(String[]::new))) {
				GraphQlTestClient graphQl = new GraphQlTestClient(
						((WebServerApplicationContext) context).getWebServer().getPort());
				for (int i = 0; i < DOCUMENTS; i++) {
					graphQl.post(Map.of("operationId", "cluster-" + i))
						.expectBody()
						.jsonPath("$.data.greeting")
						.isEqualTo("Hello, " + i + "!");
				}
			}
		}
	}

}
