/**
 * Loading persisted documents from directories of {@code <id>.graphql} files.
 */
@NullMarked
package dev.persistedops.store.filesystem;

import org.jspecify.annotations.NullMarked;
