package dev.persistedops.autoconfigure;

import com.azure.core.http.jdk.httpclient.JdkHttpClientBuilder;
import com.azure.storage.blob.BlobContainerAsyncClient;
import com.azure.storage.blob.BlobServiceAsyncClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.StorageSharedKeyCredential;
import org.jspecify.annotations.Nullable;

import dev.persistedops.autoconfigure.StoreProperties.AzureBlob;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;

/**
 * Finds the container client of the Azure Blob store: the application's own container or
 * service client where it has one, otherwise one built from
 * {@code persisted-ops.store.azure-blob.*}.
 */
final class AzureBlobContainerClients {

	private static final String PREFIX = "persisted-ops.store.azure-blob.";

	private AzureBlobContainerClients() {
	}

	static BlobContainerAsyncClient container(AzureBlob properties, @Nullable BlobContainerAsyncClient container,
			@Nullable BlobServiceAsyncClient service) {
		if (container != null) {
			return container;
		}
		return ((service != null) ? service : serviceFrom(properties))
			.getBlobContainerAsyncClient(properties.getContainer());
	}

	private static BlobServiceAsyncClient serviceFrom(AzureBlob properties) {
		BlobServiceClientBuilder builder = new BlobServiceClientBuilder()
			.httpClient(new JdkHttpClientBuilder().build());
		if (StringUtils.hasText(properties.getConnectionString())) {
			return builder.connectionString(properties.getConnectionString()).buildAsyncClient();
		}
		String endpoint = properties.getEndpoint();
		if (!StringUtils.hasText(endpoint)) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "connection-string", null,
					"The Azure Blob store needs a connection: set " + PREFIX + "connection-string, or " + PREFIX
							+ "endpoint with a credential, or define a BlobServiceAsyncClient bean");
		}
		builder.endpoint(endpoint);
		if (StringUtils.hasText(properties.getSasToken())) {
			return builder.sasToken(properties.getSasToken()).buildAsyncClient();
		}
		if (StringUtils.hasText(properties.getAccountName()) && StringUtils.hasText(properties.getAccountKey())) {
			return builder
				.credential(new StorageSharedKeyCredential(properties.getAccountName(), properties.getAccountKey()))
				.buildAsyncClient();
		}
		throw new InvalidConfigurationPropertyValueException(PREFIX + "endpoint", endpoint,
				"An endpoint needs a credential: set " + PREFIX + "sas-token, or " + PREFIX + "account-name and "
						+ PREFIX + "account-key");
	}

}
