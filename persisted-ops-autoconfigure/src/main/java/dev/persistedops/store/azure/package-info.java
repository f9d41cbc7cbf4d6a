/**
 * A document store in Azure Blob Storage, through the Azure SDK's async client.
 */
@NullMarked
package dev.persistedops.store.azure;

import org.jspecify.annotations.NullMarked;
