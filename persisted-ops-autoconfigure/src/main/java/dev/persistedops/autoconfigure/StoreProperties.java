package dev.persistedops.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import dev.persistedops.store.ReloadingDocumentStore;
import dev.persistedops.store.ResilientOperationDocumentStore;
import dev.persistedops.store.filesystem.FileReading;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Where persisted documents are stored, bound to {@code persisted-ops.store}.
 */
public class StoreProperties {

	static final String TYPE = "persisted-ops.store.type";

	static final String FILESYSTEM_LOCATIONS = "persisted-ops.store.filesystem.locations";

	static final String MANIFEST_LOCATIONS = "persisted-ops.store.manifest.locations";

	static final String RELOAD_ENABLED = "persisted-ops.store.reload.enabled";

	static final String RELOAD_INTERVAL = "persisted-ops.store.reload.interval";

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

	private final Reload reload = new Reload();

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

	public Reload getReload() {
		return this.reload;
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
	 * Return the files and directories a reload of the configured store watches: its
	 * file: locations.
	 */
	List<Path> reloadedPaths() {
		return ReloadingDocumentStore.filePaths(
				(this.type == StoreType.MANIFEST) ? this.manifest.getLocations() : this.filesystem.getLocations());
	}

	/**
	 * Check that reload, if enabled, has a file store with file: locations to reload.
	 * @throws InvalidConfigurationPropertyValueException naming the property to fix
	 */
	void validate() {
		if (!this.reload.isEnabled()) {
			return;
		}
		if (this.type != StoreType.FILESYSTEM && this.type != StoreType.MANIFEST) {
			throw new InvalidConfigurationPropertyValueException(RELOAD_ENABLED, true,
					"Only the filesystem and manifest stores are reloaded, and " + TYPE + " is "
							+ this.type.name().toLowerCase().replace('_', '-') + ": turn reload off");
		}
		if (this.reload.getInterval().toMillis() <= 0) {
			throw new InvalidConfigurationPropertyValueException(RELOAD_INTERVAL, this.reload.getInterval(),
					"The interval must be at least a millisecond");
		}
		if (reloadedPaths().isEmpty()) {
			DocumentLocations locations = (this.type == StoreType.MANIFEST) ? manifestLocations()
					: filesystemLocations();
			throw new InvalidConfigurationPropertyValueException(locations.property(), locations.locations(),
					RELOAD_ENABLED + " reads file: locations again while the application runs, and none of these "
							+ "is one: give the locations as file: paths (a mounted volume), or turn reload off");
		}
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

		/**
		 * When the files of the locations are read. at-startup reads every file and
		 * checks every id against its text before the application starts. on-first-use
		 * only lists the files and checks their names at startup, then reads each file,
		 * and checks its id, on its first use; a file that fails then is not served, and
		 * the reason is logged as an error. For stores of many thousands of files.
		 * on-first-use-unlisted does not even list them at startup: each file is found by
		 * its id on its first use, and the locations are listed when every document is
		 * first needed (the schema check, in the background in warn mode; the safelist;
		 * the Actuator endpoint), a file whose name is not an id then left out with a
		 * warning. For stores of a hundred thousand files. With reload enabled every file
		 * is read at startup whatever this says, and so is a classpath: location inside a
		 * jar unless on-first-use-unlisted.
		 */
		private FileReading read = FileReading.AT_STARTUP;

		public List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(List<String> locations) {
			this.locations = locations;
		}

		public FileReading getRead() {
			return this.read;
		}

		public void setRead(FileReading read) {
			this.read = read;
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
	 * Reading the files of the filesystem and manifest stores again while the application
	 * runs.
	 */
	public static class Reload {

		/**
		 * Whether the filesystem or manifest store reads its file: locations again when
		 * they change, without a restart. A reload is verified as a whole (hashes, and
		 * the schema unless persisted-ops.validation.mode is off) and served at once; one
		 * that fails leaves the previous documents serving.
		 */
		private boolean enabled = false;

		/**
		 * How often the files are looked at for changes.
		 */
		private Duration interval = Duration.ofSeconds(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
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
