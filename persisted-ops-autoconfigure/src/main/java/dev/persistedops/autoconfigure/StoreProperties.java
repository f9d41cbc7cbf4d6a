package dev.persistedops.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.persistedops.store.ResilientOperationDocumentStore;

/**
 * Where persisted documents are stored, bound to {@code persisted-ops.store}.
 */
public class StoreProperties {

	static final String TYPE = "persisted-ops.store.type";

	static final String FILESYSTEM_LOCATIONS = "persisted-ops.store.filesystem.locations";

	static final String MANIFEST_LOCATIONS = "persisted-ops.store.manifest.locations";

	/**
	 * Type of the store that persisted documents are looked up in.
	 */
	private StoreType type = StoreType.FILESYSTEM;

	/**
	 * How long a call to a remote store (redis, azure-blob) may take, whether a lookup or
	 * a save (automatic persisted queries, publishing), before it fails with
	 * PERSISTED_QUERY_STORE_UNAVAILABLE or the publishing endpoint's error.
	 */
	private Duration timeout = Duration.ofSeconds(1);

	/**
	 * How long, after a remote store failed, calls to it (lookups of documents not cached
	 * locally, saves) fail at once instead of waiting for the store. Also sent as
	 * Retry-After.
	 */
	private Duration retryInterval = Duration.ofSeconds(2);

	/**
	 * Maximum number of calls to a remote store (lookups and saves) in flight at once;
	 * more fail at once with PERSISTED_QUERY_STORE_UNAVAILABLE.
	 */
	private int maxConcurrentLookups = 256;

	private final Filesystem filesystem = new Filesystem();

	private final Manifest manifest = new Manifest();

	private final Redis redis = new Redis();

	private final AzureBlob azureBlob = new AzureBlob();

	public StoreType getType() {
		return this.type;
	}

	public void setType(StoreType type) {
		this.type = type;
	}

	public Duration getTimeout() {
		return this.timeout;
	}

	public void setTimeout(Duration timeout) {
		this.timeout = timeout;
	}

	public Duration getRetryInterval() {
		return this.retryInterval;
	}

	public void setRetryInterval(Duration retryInterval) {
		this.retryInterval = retryInterval;
	}

	public int getMaxConcurrentLookups() {
		return this.maxConcurrentLookups;
	}

	public void setMaxConcurrentLookups(int maxConcurrentLookups) {
		this.maxConcurrentLookups = maxConcurrentLookups;
	}

	public Redis getRedis() {
		return this.redis;
	}

	public AzureBlob getAzureBlob() {
		return this.azureBlob;
	}

	public Filesystem getFilesystem() {
		return this.filesystem;
	}

	public Manifest getManifest() {
		return this.manifest;
	}

	DocumentLocations filesystemLocations() {
		List<String> locations = this.filesystem.getLocations();
		return new DocumentLocations(FILESYSTEM_LOCATIONS, locations, locations.equals(Filesystem.DEFAULT_LOCATIONS),
				"set " + TYPE + "=manifest and " + MANIFEST_LOCATIONS + "=%s");
	}

	DocumentLocations manifestLocations() {
		return new DocumentLocations(MANIFEST_LOCATIONS, this.manifest.getLocations(), false, null);
	}

	/**
	 * Return the settings that keep requests from waiting on a remote store.
	 */
	ResilientOperationDocumentStore.Settings toResilienceSettings() {
		return new ResilientOperationDocumentStore.Settings(this.timeout, this.retryInterval,
				this.maxConcurrentLookups);
	}

	/**
	 * The directory store.
	 */
	public static class Filesystem {

		/**
		 * Directories of <id>.graphql files, as classpath: or file: locations.
		 * Sub-folders are namespaces: web/abc.graphql is the id web/abc. Read once at
		 * startup.
		 */
		private static final List<String> DEFAULT_LOCATIONS = List.of("classpath:/persisted-operations/");

		private List<String> locations = new ArrayList<>(DEFAULT_LOCATIONS);

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
		 * {"<id>": "<document>"} maps or Apollo persisted-query-manifest.json files. Read
		 * once at startup.
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
	 * The Redis store.
	 */
	public static class Redis {

		/**
		 * Prefix of the Redis keys of documents: the key of a document is the prefix
		 * followed by its id. May be empty, and then only ids shaped like hex digests are
		 * looked up.
		 */
		private String keyPrefix = "persisted-ops:";

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

	}

	/**
	 * The Azure Blob Storage store. An application's own BlobContainerAsyncClient or
	 * BlobServiceAsyncClient bean (as Spring Cloud Azure defines) is used when there is
	 * one; otherwise the client is built from these properties.
	 */
	public static class AzureBlob {

		/**
		 * Name of the container that holds the documents.
		 */
		private String container = "persisted-operations";

		/**
		 * Prefix of the blob names (a virtual folder such as "operations/"): the blob of
		 * a document is the prefix followed by its id. May be empty.
		 */
		private String blobPrefix = "";

		/**
		 * Whether to create the container at startup when it does not exist. Otherwise a
		 * missing container fails startup.
		 */
		private boolean createContainer = false;

		/**
		 * Connection string of the storage account. Takes precedence over the endpoint.
		 */
		private @Nullable String connectionString;

		/**
		 * Blob service endpoint, such as https://myaccount.blob.core.windows.net, used
		 * with a SAS token or an account name and key.
		 */
		private @Nullable String endpoint;

		/**
		 * SAS token for the endpoint.
		 */
		private @Nullable String sasToken;

		/**
		 * Account name, with the account key, for the endpoint.
		 */
		private @Nullable String accountName;

		/**
		 * Account key, with the account name, for the endpoint.
		 */
		private @Nullable String accountKey;

		public String getContainer() {
			return this.container;
		}

		public void setContainer(String container) {
			this.container = container;
		}

		public String getBlobPrefix() {
			return this.blobPrefix;
		}

		public void setBlobPrefix(String blobPrefix) {
			this.blobPrefix = blobPrefix;
		}

		public boolean isCreateContainer() {
			return this.createContainer;
		}

		public void setCreateContainer(boolean createContainer) {
			this.createContainer = createContainer;
		}

		public @Nullable String getConnectionString() {
			return this.connectionString;
		}

		public void setConnectionString(@Nullable String connectionString) {
			this.connectionString = connectionString;
		}

		public @Nullable String getEndpoint() {
			return this.endpoint;
		}

		public void setEndpoint(@Nullable String endpoint) {
			this.endpoint = endpoint;
		}

		public @Nullable String getSasToken() {
			return this.sasToken;
		}

		public void setSasToken(@Nullable String sasToken) {
			this.sasToken = sasToken;
		}

		public @Nullable String getAccountName() {
			return this.accountName;
		}

		public void setAccountName(@Nullable String accountName) {
			this.accountName = accountName;
		}

		public @Nullable String getAccountKey() {
			return this.accountKey;
		}

		public void setAccountKey(@Nullable String accountKey) {
			this.accountKey = accountKey;
		}

	}

}
