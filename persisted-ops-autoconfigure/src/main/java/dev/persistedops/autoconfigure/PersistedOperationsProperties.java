package dev.persistedops.autoconfigure;

import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.store.CachingOperationDocumentStore;
import dev.persistedops.store.HashMismatchAction;
import dev.persistedops.store.memory.BoundedInMemoryOperationDocumentStore;
import dev.persistedops.web.EnforcementMode;
import dev.persistedops.web.IdConvention;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.DeprecatedConfigurationProperty;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of persisted operations (trusted documents). Each feature's group lives
 * in a class of its own ({@link StoreProperties}, {@link PublishProperties},
 * {@link ApqProperties}, {@link RelayProperties}, {@link OperationStoreProperties},
 * {@link HttpProperties}, {@link ValidationProperties}, {@link MetricsProperties},
 * {@link UsageProperties}, {@link HealthProperties}) and is checked here, when it is
 * bound. The whole {@code persisted-ops} namespace is bound through this one root so that
 * the binder sees every key at once, whichever features' auto-configurations are active.
 */
@ConfigurationProperties(prefix = "persisted-ops", ignoreUnknownFields = false)
public class PersistedOperationsProperties implements InitializingBean {

	static final String ONLY_PERSISTED = "persisted-ops.only-persisted";

	static final String ENFORCEMENT_MODE = "persisted-ops.enforcement.mode";

	/**
	 * Whether persisted operations are enabled.
	 */
	private boolean enabled = true;

	/**
	 * Whether only documents looked up by id may run: the same as
	 * persisted-ops.enforcement.mode=enforce.
	 */
	private boolean onlyPersisted = false;

	@NestedConfigurationProperty
	private final EnforcementProperties enforcement = new EnforcementProperties();

	@NestedConfigurationProperty
	private final ClientIdentityProperties clientIdentity = new ClientIdentityProperties();

	/**
	 * Where in a request an operation id is read from: id, document-id, doc-id,
	 * operation-id, extensions-operation-id, persisted-query. Any left out is ignored.
	 */
	private Set<IdConvention> idConventions = EnumSet.allOf(IdConvention.class);

	private final Hash hash = new Hash();

	@NestedConfigurationProperty
	private final StoreProperties store = new StoreProperties();

	private final Cache cache = new Cache();

	private final ParseCache parseCache = new ParseCache();

	private final Registrations registrations = new Registrations();

	@NestedConfigurationProperty
	private final ApqProperties apq = new ApqProperties();

	@NestedConfigurationProperty
	private final PublishProperties publish = new PublishProperties();

	@NestedConfigurationProperty
	private final RelayProperties relay = new RelayProperties();

	@NestedConfigurationProperty
	private final OperationStoreProperties operationStore = new OperationStoreProperties();

	@NestedConfigurationProperty
	private final MetricsProperties metrics = new MetricsProperties();

	@NestedConfigurationProperty
	private final HttpProperties http = new HttpProperties();

	@NestedConfigurationProperty
	private final ValidationProperties validation = new ValidationProperties();

	@NestedConfigurationProperty
	private final UsageProperties usage = new UsageProperties();

	@NestedConfigurationProperty
	private final HealthProperties health = new HealthProperties();

	/**
	 * Settings of the Java client (persisted-ops-client), bound and checked by its own
	 * auto-configuration: listed here so that the server's strict binding accepts them.
	 */
	private final Map<String, Object> client = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	@DeprecatedConfigurationProperty(replacement = ENFORCEMENT_MODE,
			reason = "The enforcement modes replace it; only-persisted=true is enforcement.mode=enforce",
			since = "0.2.0")
	public boolean isOnlyPersisted() {
		return this.onlyPersisted;
	}

	public void setOnlyPersisted(boolean onlyPersisted) {
		this.onlyPersisted = onlyPersisted;
	}

	public EnforcementProperties getEnforcement() {
		return this.enforcement;
	}

	public ClientIdentityProperties getClientIdentity() {
		return this.clientIdentity;
	}

	/**
	 * Return the enforcement mode in force: {@code enforce} when the deprecated
	 * {@code only-persisted} is set, otherwise {@code enforcement.mode}.
	 */
	EnforcementMode enforcementMode() {
		return this.onlyPersisted ? EnforcementMode.ENFORCE : this.enforcement.getMode();
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

	public StoreProperties getStore() {
		return this.store;
	}

	public Cache getCache() {
		return this.cache;
	}

	public ParseCache getParseCache() {
		return this.parseCache;
	}

	public Registrations getRegistrations() {
		return this.registrations;
	}

	public ApqProperties getApq() {
		return this.apq;
	}

	public PublishProperties getPublish() {
		return this.publish;
	}

	public RelayProperties getRelay() {
		return this.relay;
	}

	public OperationStoreProperties getOperationStore() {
		return this.operationStore;
	}

	public MetricsProperties getMetrics() {
		return this.metrics;
	}

	public HttpProperties getHttp() {
		return this.http;
	}

	public ValidationProperties getValidation() {
		return this.validation;
	}

	public UsageProperties getUsage() {
		return this.usage;
	}

	public HealthProperties getHealth() {
		return this.health;
	}

	public Map<String, Object> getClient() {
		return this.client;
	}

	@Override
	public void afterPropertiesSet() {
		EnforcementMode mode = this.enforcement.getMode();
		if (this.onlyPersisted && mode != EnforcementMode.OFF && mode != EnforcementMode.ENFORCE) {
			throw new InvalidConfigurationPropertyValueException(ONLY_PERSISTED, true,
					"It means " + ENFORCEMENT_MODE + "=enforce, which contradicts " + ENFORCEMENT_MODE + "="
							+ mode.name().toLowerCase() + ": remove " + ONLY_PERSISTED + " (deprecated) and keep "
							+ ENFORCEMENT_MODE);
		}
		this.store.validate();
		this.publish.validate();
		this.relay.validate();
		this.operationStore.validate();
		this.http.validate();
		this.validation.validate();
		if (this.usage.getMaximumOperations() <= 0) {
			throw new InvalidConfigurationPropertyValueException("persisted-ops.usage.maximum-operations",
					this.usage.getMaximumOperations(), "It must be positive");
		}
	}

	/**
	 * How clients derive ids from document text, and how loading checks them.
	 */
	public static class Hash {

		/**
		 * Digest algorithm of ids written in base64url (Hot Chocolate's base64 option),
		 * for recognizing and checking them. Hex ids are recognized by their length (md5,
		 * sha1, sha256) whatever this says.
		 */
		private HashAlgorithm algorithm = HashAlgorithm.MD5;

		/**
		 * How hash ids are written: lowercase hex, or URL-safe base64 without padding.
		 * With base64url, ids of the algorithm's length and alphabet are checked too.
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
		 * How long a document of a remote store stays cached locally. Kept until evicted
		 * when not set; set it so that documents deleted from the remote store stop being
		 * served.
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
		 * Return the settings of the local cache in front of a remote store.
		 */
		CachingOperationDocumentStore.Settings toSettings() {
			return new CachingOperationDocumentStore.Settings(this.maximumSize, this.maximumBytes.toBytes(),
					this.timeToLive, this.absent.getMaximumSize(), this.absent.getTimeToLive());
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
			 * How long an id is remembered as absent before the remote store is asked
			 * again.
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
	 * Documents registered while the application runs (automatic persisted queries,
	 * publishing endpoints). They go to the remote store when there is one, and otherwise
	 * to memory.
	 */
	public static class Registrations {

		private final Memory memory = new Memory();

		public Memory getMemory() {
			return this.memory;
		}

		/**
		 * Return a bounded in-memory store for registrations.
		 */
		BoundedInMemoryOperationDocumentStore toMemoryStore() {
			return new BoundedInMemoryOperationDocumentStore(this.memory.getMaximumSize(),
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
	 * The cache of parsed and validated persisted documents.
	 */
	public static class ParseCache {

		/**
		 * Maximum number of persisted documents kept parsed and validated.
		 */
		private long maximumSize = 10_000;

		/**
		 * Maximum size of the persisted documents kept parsed and validated (counting
		 * four bytes a character, for the text and its syntax tree).
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
