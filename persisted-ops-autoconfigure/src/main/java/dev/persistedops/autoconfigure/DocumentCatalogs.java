package dev.persistedops.autoconfigure;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.DocumentLoadException;
import dev.persistedops.store.DocumentLoader;
import dev.persistedops.store.HashMismatchAction;
import dev.persistedops.store.filesystem.DirectoryDocumentLoader;
import dev.persistedops.store.filesystem.FileReading;
import dev.persistedops.store.manifest.ManifestDocumentLoader;

import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * Builds the catalogs that the file stores serve and that publishing loads, from
 * directories and manifests, verified the same way. A failure is reported with the
 * property whose locations were being loaded ({@link ConfiguredDocumentsException}).
 */
final class DocumentCatalogs {

	private final DocumentLoader directoryLoader;

	private final DocumentLoader manifestLoader;

	private final DocumentHasher hasher;

	private final HashMismatchAction onMismatch;

	private final DocumentLoader storeDirectoryLoader;

	/**
	 * Create the catalogs.
	 * @param resolver resolves locations
	 * @param jsonMapper reads manifests
	 * @param hasher recognizes hash-shaped ids, to check them
	 * @param onMismatch what a hash mismatch does
	 * @param storeReading when the filesystem store reads its files at startup; other
	 * loads read every file at once
	 */
	DocumentCatalogs(ResourcePatternResolver resolver, JsonMapper jsonMapper, DocumentHasher hasher,
			HashMismatchAction onMismatch, FileReading storeReading) {
		this.directoryLoader = new DirectoryDocumentLoader(resolver);
		this.storeDirectoryLoader = new DirectoryDocumentLoader(resolver, storeReading);
		this.manifestLoader = new ManifestDocumentLoader(resolver, jsonMapper);
		this.hasher = hasher;
		this.onMismatch = onMismatch;
	}

	/**
	 * Load the filesystem store's directories, at least one, reading their files when
	 * {@code persisted-ops.store.filesystem.read} says.
	 */
	DocumentCatalog storeDirectories(DocumentLocations directories) {
		return directories(this.storeDirectoryLoader, directories);
	}

	/**
	 * Load the filesystem store's directories, at least one, reading every file at once
	 * whatever {@code persisted-ops.store.filesystem.read} says: for a store that reloads
	 * them, whose reloads compare what they read with what is served.
	 */
	DocumentCatalog reloadedStoreDirectories(DocumentLocations directories) {
		return directories(this.directoryLoader, directories);
	}

	private DocumentCatalog directories(DocumentLoader loader, DocumentLocations directories) {
		DocumentCatalog.Builder catalog = DocumentCatalog.builder(this.hasher, this.onMismatch);
		load(catalog, loader, directories, true);
		return build(catalog, List.of(directories));
	}

	/**
	 * Load manifests, at least one.
	 */
	DocumentCatalog manifests(DocumentLocations manifests) {
		DocumentCatalog.Builder catalog = DocumentCatalog.builder(this.hasher, this.onMismatch);
		load(catalog, this.manifestLoader, manifests, true);
		return build(catalog, List.of(manifests));
	}

	/**
	 * Load any directories and manifests there are.
	 */
	DocumentCatalog directoriesAndManifests(DocumentLocations directories, DocumentLocations manifests) {
		DocumentCatalog.Builder catalog = DocumentCatalog.builder(this.hasher, this.onMismatch);
		load(catalog, this.directoryLoader, directories, false);
		load(catalog, this.manifestLoader, manifests, false);
		return build(catalog, List.of(directories, manifests));
	}

	private static void load(DocumentCatalog.Builder catalog, DocumentLoader loader, DocumentLocations locations,
			boolean required) {
		try {
			if (required) {
				catalog.load(loader, locations.locations());
			}
			else {
				catalog.loadIfAny(loader, locations.locations());
			}
		}
		catch (DocumentLoadException ex) {
			throw new ConfiguredDocumentsException(List.of(locations), ex);
		}
	}

	private static DocumentCatalog build(DocumentCatalog.Builder catalog, List<DocumentLocations> sources) {
		try {
			return catalog.build();
		}
		catch (DocumentLoadException ex) {
			throw new ConfiguredDocumentsException(sources.stream().filter((source) -> !source.isEmpty()).toList(), ex);
		}
	}

}
