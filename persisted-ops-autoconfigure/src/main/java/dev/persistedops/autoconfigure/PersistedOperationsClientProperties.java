package dev.persistedops.autoconfigure;

import org.jspecify.annotations.Nullable;

import dev.persistedops.client.IdConvention;
import dev.persistedops.document.HashAlgorithm;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;

/**
 * Configuration of the client side of persisted operations: how Spring for GraphQL
 * clients built from the application's builders send operation ids.
 */
@ConfigurationProperties(prefix = "persisted-ops.client", ignoreUnknownFields = false)
public class PersistedOperationsClientProperties implements InitializingBean {

	/**
	 * Whether client builders are configured to send operation ids.
	 */
	private boolean enabled = true;

	/**
	 * Where the id travels: document-id (sha256:<hex>), persisted-query (Apollo's
	 * extensions.persistedQuery), id, doc-id or operation-id (<client>/<alias>).
	 */
	private IdConvention convention = IdConvention.DOCUMENT_ID;

	/**
	 * Digest of the document text for the id, doc-id and operation-id conventions;
	 * document-id and persisted-query always use sha256.
	 */
	private HashAlgorithm hashAlgorithm = HashAlgorithm.MD5;

	/**
	 * OperationStore client name that operation-id ids start with.
	 */
	private @Nullable String operationStoreClient;

	/**
	 * Apollo persisted query manifest to take ids (and documents by name) from, instead
	 * of hashing the texts.
	 */
	private @Nullable Resource manifest;

	/**
	 * Whether to register documents the server does not know (Apollo's automatic
	 * persisted queries); needs the persisted-query convention.
	 */
	private boolean apq;

	/**
	 * Whether queries sent by id go by GET; mutations always go by POST.
	 */
	private boolean getForQueries;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public IdConvention getConvention() {
		return this.convention;
	}

	public void setConvention(IdConvention convention) {
		this.convention = convention;
	}

	public HashAlgorithm getHashAlgorithm() {
		return this.hashAlgorithm;
	}

	public void setHashAlgorithm(HashAlgorithm hashAlgorithm) {
		this.hashAlgorithm = hashAlgorithm;
	}

	public @Nullable String getOperationStoreClient() {
		return this.operationStoreClient;
	}

	public void setOperationStoreClient(@Nullable String operationStoreClient) {
		this.operationStoreClient = operationStoreClient;
	}

	public @Nullable Resource getManifest() {
		return this.manifest;
	}

	public void setManifest(@Nullable Resource manifest) {
		this.manifest = manifest;
	}

	public boolean isApq() {
		return this.apq;
	}

	public void setApq(boolean apq) {
		this.apq = apq;
	}

	public boolean isGetForQueries() {
		return this.getForQueries;
	}

	public void setGetForQueries(boolean getForQueries) {
		this.getForQueries = getForQueries;
	}

	@Override
	public void afterPropertiesSet() {
		validate();
	}

	/**
	 * Check that the properties fit together.
	 * @throws InvalidClientPropertiesException naming the property to fix
	 */
	public void validate() {
		if (this.apq && this.convention != IdConvention.PERSISTED_QUERY) {
			throw new InvalidClientPropertiesException("persisted-ops.client.apq",
					"Automatic persisted queries are Apollo's protocol and need "
							+ "persisted-ops.client.convention=persisted-query (it is " + this.convention + ")");
		}
		if (this.convention == IdConvention.OPERATION_ID && this.manifest == null
				&& !StringUtils.hasText(this.operationStoreClient)) {
			throw new InvalidClientPropertiesException("persisted-ops.client.operation-store-client",
					"The operation-id convention sends '<client>/<alias>' and needs the client name");
		}
		if (this.operationStoreClient != null && this.operationStoreClient.contains("/")) {
			throw new InvalidClientPropertiesException("persisted-ops.client.operation-store-client",
					"The OperationStore client name must not contain '/' (it is '" + this.operationStoreClient + "')");
		}
	}

}
