package dev.persistedops.client;

import org.jspecify.annotations.Nullable;

import dev.persistedops.document.HashAlgorithm;

import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Configures Spring for GraphQL client builders to send operation ids instead of document
 * texts: one call per builder adds a {@link PersistedOperationClientInterceptor} of its
 * own, the HTTP hook for GET when queries go by GET, and the manifest as the document
 * source when there is one. Requests are still written as usual, with
 * {@code documentName(...)} or {@code document(...)}. <pre class="code">
 * PersistedOperationsConfigurer configurer = PersistedOperationsConfigurer.builder()
 *     .convention(IdConvention.DOCUMENT_ID)
 *     .build();
 * HttpSyncGraphQlClient client = configurer.configure(HttpSyncGraphQlClient.builder())
 *     .url("https://example.com/graphql")
 *     .build();
 * </pre>
 */
public final class PersistedOperationsConfigurer {

	private final IdConvention convention;

	private final OperationIds ids;

	private final @Nullable PersistedQueryManifest manifest;

	private final boolean automaticPersistedQueries;

	private final boolean getForQueries;

	private PersistedOperationsConfigurer(Builder builder) {
		this.convention = builder.convention;
		this.manifest = builder.manifest;
		this.ids = (this.manifest != null) ? this.manifest : hashedIds(builder);
		this.automaticPersistedQueries = builder.automaticPersistedQueries;
		this.getForQueries = builder.getForQueries;
	}

	/**
	 * Start configuring: by default ids travel as {@code documentId}
	 * ({@code sha256:<hex>}), without automatic persisted queries, by POST.
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Configure a synchronous HTTP client builder ({@code RestClient}).
	 * @return the same builder
	 */
	public HttpSyncGraphQlClient.Builder<?> configure(HttpSyncGraphQlClient.Builder<?> builder) {
		Assert.notNull(builder, "builder is required");
		builder.interceptor(interceptor(this.getForQueries));
		if (this.getForQueries) {
			builder.restClient((restClient) -> restClient.requestInterceptor(new GetRequestInterceptor()));
		}
		if (this.manifest != null) {
			builder.documentSource(new ManifestDocumentSource(this.manifest));
		}
		return builder;
	}

	/**
	 * Configure a reactive HTTP client builder ({@code WebClient}).
	 * @return the same builder
	 */
	public HttpGraphQlClient.Builder<?> configure(HttpGraphQlClient.Builder<?> builder) {
		Assert.notNull(builder, "builder is required");
		builder.interceptor(interceptor(this.getForQueries));
		if (this.getForQueries) {
			builder.webClient((webClient) -> webClient.filter(new GetRequestFilter()));
		}
		if (this.manifest != null) {
			builder.documentSource(new ManifestDocumentSource(this.manifest));
		}
		return builder;
	}

	/**
	 * Configure a WebSocket client builder; subscriptions, queries and mutations all go
	 * by id.
	 * @return the same builder
	 */
	public WebSocketGraphQlClient.Builder<?> configure(WebSocketGraphQlClient.Builder<?> builder) {
		Assert.notNull(builder, "builder is required");
		builder.interceptor(interceptor(false));
		if (this.manifest != null) {
			builder.documentSource(new ManifestDocumentSource(this.manifest));
		}
		return builder;
	}

	/**
	 * Return a new interceptor for one client, for builders configured by hand.
	 * @param getForQueries whether queries go by GET, which also needs the client's HTTP
	 * hook
	 */
	public PersistedOperationClientInterceptor interceptor(boolean getForQueries) {
		return new PersistedOperationClientInterceptor(this.ids, this.convention, this.automaticPersistedQueries,
				getForQueries);
	}

	/**
	 * Return where ids travel.
	 */
	public IdConvention getConvention() {
		return this.convention;
	}

	/**
	 * Return how documents get their ids.
	 */
	public OperationIds getOperationIds() {
		return this.ids;
	}

	/**
	 * Return the manifest that documents and ids come from, if any.
	 */
	public @Nullable PersistedQueryManifest getManifest() {
		return this.manifest;
	}

	private static OperationIds hashedIds(Builder builder) {
		return switch (builder.convention) {
			case DOCUMENT_ID -> new HashedOperationIds(HashAlgorithm.SHA256, "sha256:");
			case PERSISTED_QUERY -> new HashedOperationIds(HashAlgorithm.SHA256, "");
			case ID, DOC_ID -> new HashedOperationIds(builder.hashAlgorithm, "");
			case OPERATION_ID -> new HashedOperationIds(builder.hashAlgorithm, builder.operationStoreClient + "/");
		};
	}

	/**
	 * Builds a {@link PersistedOperationsConfigurer}.
	 */
	public static final class Builder {

		private IdConvention convention = IdConvention.DOCUMENT_ID;

		private HashAlgorithm hashAlgorithm = HashAlgorithm.MD5;

		private @Nullable String operationStoreClient;

		private @Nullable PersistedQueryManifest manifest;

		private boolean automaticPersistedQueries;

		private boolean getForQueries;

		private Builder() {
		}

		/**
		 * Where the id travels; {@link IdConvention#DOCUMENT_ID} by default.
		 */
		public Builder convention(IdConvention convention) {
			Assert.notNull(convention, "convention is required");
			this.convention = convention;
			return this;
		}

		/**
		 * The digest for {@code id}, {@code doc_id} and {@code operationId} ids; md5 by
		 * default. {@code documentId} and Apollo's hash are always sha256.
		 */
		public Builder hashAlgorithm(HashAlgorithm hashAlgorithm) {
			Assert.notNull(hashAlgorithm, "hashAlgorithm is required");
			this.hashAlgorithm = hashAlgorithm;
			return this;
		}

		/**
		 * The OperationStore client name that {@code operationId} ids start with
		 * ({@code <client>/<alias>}).
		 */
		public Builder operationStoreClient(@Nullable String client) {
			this.operationStoreClient = client;
			return this;
		}

		/**
		 * Take ids (and documents by name) from a manifest the client build produced
		 * instead of hashing the texts. A document the manifest does not hold is sent as
		 * text.
		 */
		public Builder manifest(@Nullable PersistedQueryManifest manifest) {
			this.manifest = manifest;
			return this;
		}

		/**
		 * Whether to register documents the server does not know (Apollo's automatic
		 * persisted queries); needs {@link IdConvention#PERSISTED_QUERY}.
		 */
		public Builder automaticPersistedQueries(boolean automaticPersistedQueries) {
			this.automaticPersistedQueries = automaticPersistedQueries;
			return this;
		}

		/**
		 * Whether queries sent by id go by GET, as Apollo's
		 * {@code useGETForHashedQueries}; mutations always go by POST.
		 */
		public Builder getForQueries(boolean getForQueries) {
			this.getForQueries = getForQueries;
			return this;
		}

		/**
		 * Check the settings and build the configurer.
		 * @throws IllegalStateException if the settings do not fit together
		 */
		public PersistedOperationsConfigurer build() {
			if (this.automaticPersistedQueries && this.convention != IdConvention.PERSISTED_QUERY) {
				throw new IllegalStateException("Automatic persisted queries are Apollo's protocol: they need the "
						+ "persisted-query convention, not " + this.convention);
			}
			if (this.convention == IdConvention.OPERATION_ID && this.manifest == null
					&& !StringUtils.hasText(this.operationStoreClient)) {
				throw new IllegalStateException("The operation-id convention sends '<client>/<alias>': "
						+ "set the OperationStore client name");
			}
			if (this.operationStoreClient != null && this.operationStoreClient.contains("/")) {
				throw new IllegalStateException("The OperationStore client name must not contain '/', but was '"
						+ this.operationStoreClient + "'");
			}
			return new PersistedOperationsConfigurer(this);
		}

	}

}
