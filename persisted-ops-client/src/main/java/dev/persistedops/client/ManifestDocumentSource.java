package dev.persistedops.client;

import reactor.core.publisher.Mono;

import org.springframework.graphql.support.DocumentSource;
import org.springframework.util.Assert;

/**
 * A {@link DocumentSource} that finds documents by operation name in a
 * {@link PersistedQueryManifest}, so that {@code documentName("GetBook")} works for a
 * client that ships the manifest instead of {@code graphql-documents/}.
 */
public final class ManifestDocumentSource implements DocumentSource {

	private final PersistedQueryManifest manifest;

	public ManifestDocumentSource(PersistedQueryManifest manifest) {
		Assert.notNull(manifest, "manifest is required");
		this.manifest = manifest;
	}

	@Override
	public Mono<String> getDocument(String name) {
		String body = this.manifest.bodyOf(name);
		return (body != null) ? Mono.just(body)
				: Mono.error(new IllegalStateException("The persisted query manifest has no operation named '" + name
						+ "' (it has " + this.manifest.names() + ")"));
	}

}
