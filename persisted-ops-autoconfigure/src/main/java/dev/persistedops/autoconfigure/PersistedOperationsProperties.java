package dev.persistedops.autoconfigure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.store.HashMismatchAction;
import dev.persistedops.web.IdConvention;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of persisted operations (trusted documents).
 */
@ConfigurationProperties("persisted-ops")
public class PersistedOperationsProperties {

	/**
	 * Whether persisted operations are enabled.
	 */
	private boolean enabled = true;

	/**
	 * Whether only documents looked up by id may run. Any other document is refused with
	 * PERSISTED_QUERY_ONLY unless a NonPersistedOperationOverride bean allows the request.
	 */
	private boolean onlyPersisted = false;

	/**
	 * Where in a request an operation id is read from: id, document-id, doc-id, operation-id,
	 * extensions-operation-id, persisted-query. Any left out is ignored.
	 */
	private Set<IdConvention> idConventions = EnumSet.allOf(IdConvention.class);

	private final Hash hash = new Hash();

	private final Store store = new Store();

	private final ParseCache parseCache = new ParseCache();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isOnlyPersisted() {
		return this.onlyPersisted;
	}

	public void setOnlyPersisted(boolean onlyPersisted) {
		this.onlyPersisted = onlyPersisted;
	}

	public Set<IdConvention> getIdConventions() {
		return this.idConventions;
	}

	public void setIdConventions(Set<IdConvention> idConventions) {
		this.idConventions = idConventions;
	}

	public Hash getHash() {
		return this.hash;
	}

	public Store getStore() {
		return this.store;
	}

	public ParseCache getParseCache() {
		return this.parseCache;
	}

	/**
	 * How clients derive ids from document text, and how loading checks them.
	 */
	public static class Hash {

		/**
		 * Digest algorithm of hash ids (Relay and Hot Chocolate use md5, Apollo sha256).
		 */
		private HashAlgorithm algorithm = HashAlgorithm.MD5;

		/**
		 * How hash ids are written: lowercase hex, or URL-safe base64 without padding.
		 */
		private HashEncoding encoding = HashEncoding.HEX;

		/**
		 * What loading does when a hash-shaped id is not the hash of its document's text:
		 * fail startup, or only warn.
		 */
		private HashMismatchAction onMismatch = HashMismatchAction.FAIL;

		public HashAlgorithm getAlgorithm() {
			return this.algorithm;
		}

		public void setAlgorithm(HashAlgorithm algorithm) {
			this.algorithm = algorithm;
		}

		public HashEncoding getEncoding() {
			return this.encoding;
		}

		public void setEncoding(HashEncoding encoding) {
			this.encoding = encoding;
		}

		public HashMismatchAction getOnMismatch() {
			return this.onMismatch;
		}

		public void setOnMismatch(HashMismatchAction onMismatch) {
			this.onMismatch = onMismatch;
		}

	}

	/**
	 * Where persisted documents are stored.
	 */
	public static class Store {

		/**
		 * Type of the store that persisted documents are looked up in.
		 */
		private StoreType type = StoreType.FILESYSTEM;

		private final Filesystem filesystem = new Filesystem();

		private final Manifest manifest = new Manifest();

		public StoreType getType() {
			return this.type;
		}

		public void setType(StoreType type) {
			this.type = type;
		}

		public Filesystem getFilesystem() {
			return this.filesystem;
		}

		public Manifest getManifest() {
			return this.manifest;
		}

	}

	/**
	 * The types of document store.
	 */
	public enum StoreType {

		/** Directories of {@code <id>.graphql} files. */
		FILESYSTEM,

		/** Relay / Strawberry Shake maps and Apollo persisted query manifests. */
		MANIFEST,

		/** An empty in-memory store that the application fills in code. */
		MEMORY

	}

	/**
	 * The directory store.
	 */
	public static class Filesystem {

		/**
		 * Directories of <id>.graphql files, as classpath: or file: locations. Sub-folders are
		 * namespaces: web/abc.graphql is the id web/abc. Read once at startup.
		 */
		private List<String> locations = new ArrayList<>(List.of("classpath:/persisted-operations/"));

		public List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(List<String> locations) {
			this.locations = locations;
		}

	}

	/**
	 * The manifest store.
	 */
	public static class Manifest {

		/**
		 * Manifest files, as classpath: or file: locations: Relay / Strawberry Shake
		 * {"<id>": "<document>"} maps or Apollo persisted-query-manifest.json files. Read once
		 * at startup.
		 */
		private List<String> locations = new ArrayList<>();

		public List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(List<String> locations) {
			this.locations = locations;
		}

	}

	/**
	 * The cache of parsed and validated persisted documents.
	 */
	public static class ParseCache {

		/**
		 * Maximum number of persisted documents kept parsed and validated.
		 */
		private long maximumSize = 10_000;

		public long getMaximumSize() {
			return this.maximumSize;
		}

		public void setMaximumSize(long maximumSize) {
			this.maximumSize = maximumSize;
		}

	}

}
