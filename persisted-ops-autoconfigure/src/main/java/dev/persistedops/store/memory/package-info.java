/**
 * A mutable in-memory document store.
 */
@NullMarked
package dev.persistedops.store.memory;

import org.jspecify.annotations.NullMarked;
