package dev.persistedops.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.document.InvalidOperationIdException;
import dev.persistedops.document.OperationId;
import dev.persistedops.store.CachingOperationDocumentStore;
import dev.persistedops.store.DocumentRegistry;
import dev.persistedops.store.HashMismatchAction;
import dev.persistedops.web.AutomaticPersistedQueries;
import dev.persistedops.web.IdConvention;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

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

	private final Cache cache = new Cache();

	private final Publish publish = new Publish();

	private final Apq apq = new Apq();

	private final Registrations registrations = new Registrations();

	private final Relay relay = new Relay();

	private final OperationStore operationStore = new OperationStore();

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

	public Cache getCache() {
		return this.cache;
	}

	public Publish getPublish() {
		return this.publish;
	}

	public Apq getApq() {
		return this.apq;
	}

	public Registrations getRegistrations() {
		return this.registrations;
	}

	public Relay getRelay() {
		return this.relay;
	}

	public OperationStore getOperationStore() {
		return this.operationStore;
	}

	/**
	 * Return the settings of the local cache in front of a remote store.
	 */
	public CachingOperationDocumentStore.Settings toRemoteStoreCacheSettings() {
		return new CachingOperationDocumentStore.Settings(this.cache.getMaximumSize(),
				this.cache.getMaximumBytes().toBytes(), this.cache.getTimeToLive(), this.cache.getAbsent().getMaximumSize(),
				this.cache.getAbsent().getTimeToLive(), this.store.getTimeout(), this.store.getRetryInterval(),
				this.store.getMaxConcurrentLookups());
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

		/**
		 * How long a lookup in a remote store (redis, azure-blob) may take before the request
		 * is answered with PERSISTED_QUERY_STORE_UNAVAILABLE.
		 */
		private Duration timeout = Duration.ofSeconds(1);

		/**
		 * How long, after a remote store failed, lookups of documents not cached locally fail
		 * at once instead of waiting for the store.
		 */
		private Duration retryInterval = Duration.ofSeconds(2);

		/**
		 * Maximum number of lookups in a remote store in flight at once; more fail at once
		 * with PERSISTED_QUERY_STORE_UNAVAILABLE.
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
		MEMORY,

		/** Redis, through the application's Spring Data Redis connection. */
		REDIS,

		/** Azure Blob Storage, through the Azure SDK. */
		AZURE_BLOB

	}

	/**
	 * The directory store.
	 */
	public static class Filesystem {

		/**
		 * Directories of <id>.graphql files, as classpath: or file: locations. Sub-folders are
		 * namespaces: web/abc.graphql is the id web/abc. Read once at startup.
		 */
		private List<String> locations;

		public Filesystem() {
			this(List.of("classpath:/persisted-operations/"));
		}

		Filesystem(List<String> locations) {
			this.locations = new ArrayList<>(locations);
		}

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
	 * The Redis store.
	 */
	public static class Redis {

		/**
		 * Prefix of the Redis keys of documents: the key of a document is the prefix followed
		 * by its id. May be empty, and then only ids shaped like hex digests are looked up.
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
	 * BlobServiceAsyncClient bean (as Spring Cloud Azure defines) is used when there is one;
	 * otherwise the client is built from these properties.
	 */
	public static class AzureBlob {

		/**
		 * Name of the container that holds the documents.
		 */
		private String container = "persisted-operations";

		/**
		 * Prefix of the blob names (a virtual folder such as "operations/"): the blob of a
		 * document is the prefix followed by its id. May be empty.
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
		 * Blob service endpoint, such as https://myaccount.blob.core.windows.net, used with a
		 * SAS token or an account name and key.
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

	/**
	 * The local cache in front of a remote store.
	 */
	public static class Cache {

		/**
		 * Maximum number of documents of a remote store cached locally.
		 */
		private long maximumSize = 10_000;

		/**
		 * Maximum size of the documents of a remote store cached locally.
		 */
		private DataSize maximumBytes = DataSize.ofMegabytes(64);

		/**
		 * How long a document of a remote store stays cached locally. Kept until evicted when
		 * not set; set it so that documents deleted from the remote store stop being served.
		 */
		private @Nullable Duration timeToLive;

		private final Absent absent = new Absent();

		public long getMaximumSize() {
			return this.maximumSize;
		}

		public void setMaximumSize(long maximumSize) {
			this.maximumSize = maximumSize;
		}

		public DataSize getMaximumBytes() {
			return this.maximumBytes;
		}

		public void setMaximumBytes(DataSize maximumBytes) {
			this.maximumBytes = maximumBytes;
		}

		public @Nullable Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(@Nullable Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

		public Absent getAbsent() {
			return this.absent;
		}

		/**
		 * Ids the remote store does not have.
		 */
		public static class Absent {

			/**
			 * Maximum number of ids remembered as absent from the remote store.
			 */
			private long maximumSize = 10_000;

			/**
			 * How long an id is remembered as absent before the remote store is asked again.
			 */
			private Duration timeToLive = Duration.ofSeconds(5);

			public long getMaximumSize() {
				return this.maximumSize;
			}

			public void setMaximumSize(long maximumSize) {
				this.maximumSize = maximumSize;
			}

			public Duration getTimeToLive() {
				return this.timeToLive;
			}

			public void setTimeToLive(Duration timeToLive) {
				this.timeToLive = timeToLive;
			}

		}

	}

	/**
	 * Publishing documents into the store when the application starts.
	 */
	public static class Publish {

		/**
		 * Whether to publish documents into the store (redis, azure-blob) when the
		 * application starts.
		 * Idempotent; startup fails if an id holds a different text.
		 */
		private boolean enabled = false;

		/**
		 * How long published documents are kept in the store. Kept for good when not set.
		 */
		private @Nullable Duration timeToLive;

		private final Filesystem filesystem = new Filesystem(List.of());

		private final Manifest manifest = new Manifest();

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(@Nullable Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

		public Filesystem getFilesystem() {
			return this.filesystem;
		}

		public Manifest getManifest() {
			return this.manifest;
		}

	}

	/**
	 * Automatic persisted queries (Apollo's protocol).
	 */
	public static class Apq {

		/**
		 * Whether clients may register documents at run time by sending them with their
		 * sha256 hash. When off, a registration is answered with PersistedQueryNotSupported.
		 */
		private boolean enabled = false;

		/**
		 * Largest document that may be registered, in UTF-8 bytes.
		 */
		private DataSize maxDocumentSize = DataSize.ofKilobytes(64);

		/**
		 * How long a registration is kept in a remote store (redis). Kept for good when not set.
		 */
		private @Nullable Duration timeToLive;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public DataSize getMaxDocumentSize() {
			return this.maxDocumentSize;
		}

		public void setMaxDocumentSize(DataSize maxDocumentSize) {
			this.maxDocumentSize = maxDocumentSize;
		}

		public @Nullable Duration getTimeToLive() {
			return this.timeToLive;
		}

		public void setTimeToLive(@Nullable Duration timeToLive) {
			this.timeToLive = timeToLive;
		}

		/**
		 * Return the settings of automatic persisted queries.
		 */
		public AutomaticPersistedQueries.Settings toSettings() {
			return new AutomaticPersistedQueries.Settings(this.timeToLive, this.maxDocumentSize.toBytes());
		}

	}

	/**
	 * Documents registered while the application runs (automatic persisted queries, publishing
	 * endpoints). They go to the remote store when there is one, and otherwise to memory.
	 */
	public static class Registrations {

		private final Memory memory = new Memory();

		public Memory getMemory() {
			return this.memory;
		}

		/**
		 * Return the bounds of registrations kept in memory.
		 */
		public DocumentRegistry.MemorySettings toMemorySettings() {
			return new DocumentRegistry.MemorySettings(this.memory.getMaximumSize(),
					this.memory.getMaximumBytes().toBytes(), this.memory.getTimeToLive());
		}

		/**
		 * Registrations kept in memory, when there is no remote store.
		 */
		public static class Memory {

			/**
			 * Maximum number of registrations kept in memory.
			 */
			private long maximumSize = 10_000;

			/**
			 * Maximum size of the registrations kept in memory.
			 */
			private DataSize maximumBytes = DataSize.ofMegabytes(32);

			/**
			 * How long a registration is kept in memory.
			 */
			private Duration timeToLive = Duration.ofHours(24);

			public long getMaximumSize() {
				return this.maximumSize;
			}

			public void setMaximumSize(long maximumSize) {
				this.maximumSize = maximumSize;
			}

			public DataSize getMaximumBytes() {
				return this.maximumBytes;
			}

			public void setMaximumBytes(DataSize maximumBytes) {
				this.maximumBytes = maximumBytes;
			}

			public Duration getTimeToLive() {
				return this.timeToLive;
			}

			public void setTimeToLive(Duration timeToLive) {
				this.timeToLive = timeToLive;
			}

		}

	}

	/**
	 * The endpoint relay-compiler's persistConfig.url posts operations to at build time.
	 */
	public static class Relay {

		/**
		 * Whether the Relay persist endpoint is enabled.
		 */
		private boolean enabled = false;

		/**
		 * Path of the Relay persist endpoint.
		 */
		private String path = "/persisted-operations/relay";

		/**
		 * Header that must carry the token (set it in persistConfig.headers).
		 */
		private String tokenHeader = "X-Persist-Token";

		/**
		 * Digest of an operation's text that is its id, in lowercase hex. Relay computes md5.
		 */
		private HashAlgorithm hashAlgorithm = HashAlgorithm.MD5;

		/**
		 * Token a request must carry in the token header. Required when the endpoint is enabled.
		 */
		private @Nullable String token;

		/**
		 * Largest request body accepted.
		 */
		private DataSize maxBodySize = DataSize.ofKilobytes(256);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public String getTokenHeader() {
			return this.tokenHeader;
		}

		public void setTokenHeader(String tokenHeader) {
			this.tokenHeader = tokenHeader;
		}

		public HashAlgorithm getHashAlgorithm() {
			return this.hashAlgorithm;
		}

		public void setHashAlgorithm(HashAlgorithm hashAlgorithm) {
			this.hashAlgorithm = hashAlgorithm;
		}

		public @Nullable String getToken() {
			return this.token;
		}

		public void setToken(@Nullable String token) {
			this.token = token;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

		/**
		 * Return the token, which an enabled endpoint requires.
		 * @throws InvalidConfigurationPropertyValueException if it is not set
		 */
		public String requireToken() {
			if (!StringUtils.hasText(this.token)) {
				throw new InvalidConfigurationPropertyValueException("persisted-ops.relay.token", null,
						"The Relay persist endpoint is enabled, so it needs a token that requests must carry");
			}
			return this.token;
		}

	}

	/**
	 * The endpoint graphql-ruby-client sync pushes operations to, as to an OperationStore.
	 */
	public static class OperationStore {

		/**
		 * Whether the OperationStore sync endpoint is enabled.
		 */
		private boolean enabled = false;

		/**
		 * Path of the OperationStore sync endpoint.
		 */
		private String path = "/persisted-operations/sync";

		/**
		 * Clients that may sync, by name (the --client of graphql-ruby-client sync), each with
		 * its secrets (several, so that one can be rotated).
		 */
		private Map<String, Client> clients = new LinkedHashMap<>();

		/**
		 * Largest request body accepted.
		 */
		private DataSize maxBodySize = DataSize.ofMegabytes(2);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getPath() {
			return this.path;
		}

		public void setPath(String path) {
			this.path = path;
		}

		public Map<String, Client> getClients() {
			return this.clients;
		}

		public void setClients(Map<String, Client> clients) {
			this.clients = clients;
		}

		public DataSize getMaxBodySize() {
			return this.maxBodySize;
		}

		public void setMaxBodySize(DataSize maxBodySize) {
			this.maxBodySize = maxBodySize;
		}

		/**
		 * Return each client's secrets, which an enabled endpoint requires.
		 * @throws InvalidConfigurationPropertyValueException if there is no client, a client
		 * has no secret, or a client name cannot be the namespace of an id
		 */
		public Map<String, List<String>> requireClientSecrets() {
			String property = "persisted-ops.operation-store.clients";
			if (this.clients.isEmpty()) {
				throw new InvalidConfigurationPropertyValueException(property, null,
						"The OperationStore sync endpoint is enabled, so it needs at least one client with a secret");
			}
			Map<String, List<String>> secrets = new LinkedHashMap<>();
			this.clients.forEach((name, client) -> {
				List<String> clientSecrets = client.getSecrets().stream().filter(StringUtils::hasText).toList();
				if (clientSecrets.isEmpty()) {
					throw new InvalidConfigurationPropertyValueException(property + "." + name + ".secrets", null,
							"Every client needs at least one secret");
				}
				if (name.contains("/") || !isValidId(name)) {
					throw new InvalidConfigurationPropertyValueException(property, name,
							"A client name may only contain A-Z a-z 0-9 - . _ ~ :");
				}
				secrets.put(name, clientSecrets);
			});
			return secrets;
		}

		private static boolean isValidId(String name) {
			try {
				OperationId.of(name);
				return true;
			}
			catch (InvalidOperationIdException ex) {
				return false;
			}
		}

		/**
		 * A client that may sync.
		 */
		public static class Client {

			/**
			 * Secrets the client signs its requests with (graphql-ruby-client sync --secret).
			 */
			private List<String> secrets = new ArrayList<>();

			public List<String> getSecrets() {
				return this.secrets;
			}

			public void setSecrets(List<String> secrets) {
				this.secrets = secrets;
			}

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

		/**
		 * Maximum size of the persisted documents kept parsed and validated (counting four
		 * bytes a character, for the text and its syntax tree).
		 */
		private DataSize maximumBytes = DataSize.ofMegabytes(128);

		public long getMaximumSize() {
			return this.maximumSize;
		}

		public void setMaximumSize(long maximumSize) {
			this.maximumSize = maximumSize;
		}
		public DataSize getMaximumBytes() {
			return this.maximumBytes;
		}

		public void setMaximumBytes(DataSize maximumBytes) {
			this.maximumBytes = maximumBytes;
		}


	}

}
