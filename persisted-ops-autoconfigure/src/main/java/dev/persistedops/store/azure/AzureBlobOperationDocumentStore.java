package dev.persistedops.store.azure;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobAsyncClient;
import com.azure.storage.blob.BlobContainerAsyncClient;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.options.BlobParallelUploadOptions;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.store.StoreUnavailableException;
import dev.persistedops.store.WritableOperationDocumentStore;

import org.springframework.util.Assert;

/**
 * Documents in an Azure Blob Storage container: the blob name is an optional prefix (a
 * virtual folder) followed by the id, so {@code client/alias} ids are virtual folders
 * too; the blob's content is the document text in UTF-8. A lookup is one download, with
 * no existence check before it: a missing blob is absent, and so is an empty one; any
 * other failure (the service or the container unreachable, credentials refused) is
 * signalled as {@link StoreUnavailableException}. A save uploads with
 * {@code If-None-Match: *}, so an existing blob is never overwritten; when one exists,
 * its text is compared.
 * <p>
 * Blob Storage has no time to live per blob (a lifecycle management policy on the account
 * is the way to expire blobs), so a save with a time to live is refused.
 */
public class AzureBlobOperationDocumentStore implements WritableOperationDocumentStore {

	private static final Log logger = LogFactory.getLog(AzureBlobOperationDocumentStore.class);

	private static final BlobHttpHeaders TEXT = new BlobHttpHeaders().setContentType("text/plain; charset=utf-8");

	private final BlobContainerAsyncClient container;

	private final String blobPrefix;

	public AzureBlobOperationDocumentStore(BlobContainerAsyncClient container, String blobPrefix) {
		Assert.notNull(container, "container is required");
		Assert.notNull(blobPrefix, "blobPrefix is required");
		this.container = container;
		this.blobPrefix = blobPrefix;
	}

	/**
	 * Return the name of the blob that holds the given id's document.
	 */
	public String blobNameOf(OperationId id) {
		return this.blobPrefix + id.key();
	}

	/**
	 * Check that the container exists, creating it if asked to. A store that cannot be
	 * reached is only logged: lookups then report it, and it may come back.
	 * @param create whether to create a missing container
	 * @param timeout how long to wait for the answer
	 * @throws MissingBlobContainerException if the container does not exist and is not
	 * created
	 */
	public void checkContainer(boolean create, Duration timeout) {
		try {
			Boolean exists = (create ? this.container.createIfNotExists().thenReturn(true) : this.container.exists())
				.block(timeout);
			if (!Boolean.TRUE.equals(exists)) {
				throw new MissingBlobContainerException(this.container.getBlobContainerName());
			}
		}
		catch (MissingBlobContainerException ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			logger.warn("Could not check the blob container '" + this.container.getBlobContainerName()
					+ "'; lookups will fail until Azure Blob Storage answers: " + ex);
		}
	}

	@Override
	public Mono<String> findDocument(OperationId id) {
		return blob(id).downloadContent()
			.map((content) -> new String(content.toBytes(), StandardCharsets.UTF_8))
			.filter((text) -> !text.isEmpty())
			.onErrorResume(AzureBlobOperationDocumentStore::isBlobNotFound, (ex) -> Mono.empty())
			.onErrorMap((ex) -> !(ex instanceof StoreUnavailableException),
					(ex) -> new StoreUnavailableException("Azure Blob Storage could not be asked: " + ex.getMessage(),
							ex));
	}

	/**
	 * Ask whether the container exists: any answer means Blob Storage answers.
	 */
	@Override
	public Mono<Void> check() {
		return this.container.exists()
			.then()
			.onErrorMap((ex) -> !(ex instanceof StoreUnavailableException),
					(ex) -> new StoreUnavailableException("Azure Blob Storage could not be asked: " + ex.getMessage(),
							ex));
	}

	@Override
	public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
		Assert.hasText(text, "text is required");
		if (timeToLive != null) {
			return Mono.error(new UnsupportedOperationException("The Azure Blob store cannot expire documents: "
					+ "publish without a time to live, and expire blobs with a lifecycle management policy"));
		}
		BlobParallelUploadOptions upload = new BlobParallelUploadOptions(BinaryData.fromString(text)).setHeaders(TEXT)
			.setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*"));
		return blob(id).uploadWithResponse(upload)
			.thenReturn(SaveOutcome.CREATED)
			.onErrorResume(AzureBlobOperationDocumentStore::isAlreadyThere,
					(ex) -> findDocument(id)
						.map((stored) -> stored.equals(text) ? SaveOutcome.UNCHANGED : SaveOutcome.CONFLICT)
						// An empty blob counts as absent, but it is there and is not
						// overwritten.
						.defaultIfEmpty(SaveOutcome.CONFLICT));
	}

	private BlobAsyncClient blob(OperationId id) {
		return this.container.getBlobAsyncClient(blobNameOf(id));
	}

	private static boolean isBlobNotFound(Throwable ex) {
		return ex instanceof BlobStorageException storage
				&& BlobErrorCode.BLOB_NOT_FOUND.equals(storage.getErrorCode());
	}

	private static boolean isAlreadyThere(Throwable ex) {
		return ex instanceof BlobStorageException storage
				&& (storage.getStatusCode() == 409 || storage.getStatusCode() == 412);
	}

	/**
	 * Blob Storage is shared by every instance, and keeps what it is given.
	 */
	@Override
	public boolean isShared() {
		return true;
	}

}
