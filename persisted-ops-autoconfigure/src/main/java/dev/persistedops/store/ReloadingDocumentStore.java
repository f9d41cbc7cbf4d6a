package dev.persistedops.store;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;

import org.springframework.util.Assert;
import org.springframework.util.ResourceUtils;

/**
 * A store of documents read from files (directories, manifests) that can be read again
 * while the application runs. It serves one {@link DocumentCatalog} at a time; a
 * {@link DocumentReloader} reads the files again and, once the new catalog is verified as
 * a whole, {@linkplain #replace replaces} the served one in a single step. A lookup reads
 * one reference: no lock, no I/O, and it sees either the previous documents or the new
 * ones, never a mix.
 */
public final class ReloadingDocumentStore implements ListableOperationDocumentStore {

	private final Supplier<DocumentCatalog> loader;

	private final List<Path> watched;

	private volatile DocumentCatalog catalog;

	/**
	 * Create a store and load its documents.
	 * @param loader reads and verifies every location of the store, throwing an exception
	 * that says what is wrong if it cannot
	 * @param watched the files and directories the documents are read from, whose changes
	 * call for a reload
	 */
	public ReloadingDocumentStore(Supplier<DocumentCatalog> loader, List<Path> watched) {
		Assert.notNull(loader, "loader is required");
		Assert.notEmpty(watched, "watched is required");
		this.loader = loader;
		this.watched = List.copyOf(watched);
		this.catalog = loader.get();
	}

	/**
	 * Return the paths of the given locations that are {@code file:} URLs: the ones a
	 * reload watches.
	 * @param locations locations of documents, as configured
	 */
	public static List<Path> filePaths(List<String> locations) {
		List<Path> paths = new ArrayList<>();
		for (String location : locations) {
			if (location.startsWith(ResourceUtils.FILE_URL_PREFIX)) {
				try {
					paths.add(ResourceUtils.getFile(location).toPath().toAbsolutePath().normalize());
				}
				catch (FileNotFoundException ex) {
					throw new IllegalArgumentException("'" + location + "' is not a file location", ex);
				}
			}
		}
		return paths;
	}

	@Override
	public Mono<String> findDocument(OperationId id) {
		return this.catalog.findDocument(id);
	}

	/**
	 * Return the documents served now: the same map until a reload replaces them.
	 */
	@Override
	public Map<String, String> documents() {
		return this.catalog.documents();
	}

	@Override
	public @Nullable String sourceOf(String key) {
		return this.catalog.sourceOf(key);
	}

	/**
	 * Return the catalog served now.
	 */
	public DocumentCatalog catalog() {
		return this.catalog;
	}

	/**
	 * Return the files and directories the documents are read from.
	 */
	public List<Path> watched() {
		return this.watched;
	}

	/**
	 * Read and verify every location again, without serving the result.
	 * @throws RuntimeException if the documents cannot be loaded, saying why
	 */
	DocumentCatalog load() {
		return this.loader.get();
	}

	/**
	 * Serve the given catalog from now on, unless it holds exactly the documents served
	 * now.
	 * @param candidate a catalog that was loaded and verified
	 * @return whether the served documents changed
	 */
	synchronized boolean replace(DocumentCatalog candidate) {
		Assert.notNull(candidate, "candidate is required");
		if (candidate.documents().equals(this.catalog.documents())) {
			return false;
		}
		this.catalog = candidate;
		return true;
	}

}
