package dev.persistedops.client.test;

import dev.persistedops.client.ManifestDocumentSource;
import dev.persistedops.client.PersistedOperationsConfigurer;
import dev.persistedops.client.PersistedQueryManifest;
import dev.persistedops.client.PersistedRequestBodies;

import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import org.springframework.http.codec.json.JacksonJsonEncoder;
import org.springframework.util.Assert;

/**
 * Makes Spring for GraphQL's testers send operation ids, so a test can assert that a
 * persisted operation runs against the application: <pre class="code">
 * HttpGraphQlTester tester = PersistedOperationTesters.configure(httpGraphQlTester.mutate(), configurer).build();
 * WebGraphQlTester tester = PersistedOperationTesters.webGraphQlTester(webGraphQlHandler, configurer).build();
 * </pre> The testers have no interceptors, so there is no automatic persisted queries
 * round trip and no GET here: the id alone is sent, and the application must hold the
 * document.
 */
public final class PersistedOperationTesters {

	private PersistedOperationTesters() {
	}

	/**
	 * Configure an {@code HttpGraphQlTester} builder: its {@code WebTestClient} writes
	 * request bodies with the id instead of the document.
	 * @return the same builder
	 */
	public static HttpGraphQlTester.Builder<?> configure(HttpGraphQlTester.Builder<?> builder,
			PersistedOperationsConfigurer configurer) {
		Assert.notNull(builder, "builder is required");
		Assert.notNull(configurer, "configurer is required");
		PersistedRequestBodies bodies = new PersistedRequestBodies(configurer.getOperationIds(),
				configurer.getConvention());
		builder.codecConfigurer((codecs) -> codecs.customCodecs()
			.register(new PersistedOperationEncoder(new JacksonJsonEncoder(), bodies)));
		PersistedQueryManifest manifest = configurer.getManifest();
		if (manifest != null) {
			builder.documentSource(new ManifestDocumentSource(manifest));
		}
		return builder;
	}

	/**
	 * Return a {@code WebGraphQlTester} builder whose requests reach the given handler by
	 * id. Needs the {@code persisted-query} convention: in process only
	 * {@code extensions} travel.
	 */
	public static WebGraphQlTester.Builder<?> webGraphQlTester(WebGraphQlHandler handler,
			PersistedOperationsConfigurer configurer) {
		Assert.notNull(handler, "handler is required");
		Assert.notNull(configurer, "configurer is required");
		PersistedRequestBodies bodies = new PersistedRequestBodies(configurer.getOperationIds(),
				configurer.getConvention());
		WebGraphQlTester.Builder<?> builder = WebGraphQlTester
			.builder(new PersistedOperationWebGraphQlHandler(handler, bodies));
		PersistedQueryManifest manifest = configurer.getManifest();
		if (manifest != null) {
			builder.documentSource(new ManifestDocumentSource(manifest));
		}
		return builder;
	}

}
