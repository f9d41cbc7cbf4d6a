/**
 * Loading persisted documents from Relay / Strawberry Shake maps and Apollo persisted
 * query manifests.
 */
@NullMarked
package dev.persistedops.store.manifest;

import org.jspecify.annotations.NullMarked;
