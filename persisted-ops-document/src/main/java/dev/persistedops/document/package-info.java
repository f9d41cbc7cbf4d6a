/**
 * Value types of persisted operations: operation ids, the rule an id must follow, and the
 * hashing of document text.
 */
@NullMarked
package dev.persistedops.document;

import org.jspecify.annotations.NullMarked;
