package dev.persistedops.autoconfigure;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.HashMismatchAction;
import dev.persistedops.store.filesystem.DirectoryDocumentLoader;
import dev.persistedops.store.manifest.ManifestDocumentLoader;

import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Builds the catalogs that the file stores serve and that publishing loads, from directories
 * and manifests, verified the same way.
 */
final class DocumentCatalogs {

	private final ResourcePatternResolver resolver;

	private final JsonMapper jsonMapper;

	private final DocumentHasher hasher;

	private final HashMismatchAction onMismatch;

	DocumentCatalogs(ResourcePatternResolver resolver, JsonMapper jsonMapper, DocumentHasher hasher,
			HashMismatchAction onMismatch) {
		this.resolver = resolver;
		this.jsonMapper = jsonMapper;
		this.hasher = hasher;
		this.onMismatch = onMismatch;
	}

	/**
	 * Load directories, at least one.
	 */
	DocumentCatalog directories(List<String> locations) {
		return DocumentCatalog.builder(this.hasher, this.onMismatch)
			.load(new DirectoryDocumentLoader(this.resolver), locations)
			.build();
	}

	/**
	 * Load manifests, at least one.
	 */
	DocumentCatalog manifests(List<String> locations) {
		return DocumentCatalog.builder(this.hasher, this.onMismatch)
			.load(new ManifestDocumentLoader(this.resolver, this.jsonMapper), locations)
			.build();
	}

	/**
	 * Load any directories and manifests there are.
	 */
	DocumentCatalog directoriesAndManifests(List<String> directories, List<String> manifests) {
		return DocumentCatalog.builder(this.hasher, this.onMismatch)
			.loadIfAny(new DirectoryDocumentLoader(this.resolver), directories)
			.loadIfAny(new ManifestDocumentLoader(this.resolver, this.jsonMapper), manifests)
			.build();
	}

}
