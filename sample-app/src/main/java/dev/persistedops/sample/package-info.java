/**
 * The sample application: a bookshelf served through persisted operations.
 */
@NullMarked
package dev.persistedops.sample;

import org.jspecify.annotations.NullMarked;
