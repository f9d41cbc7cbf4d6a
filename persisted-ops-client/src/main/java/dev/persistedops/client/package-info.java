/**
 * Client side of persisted operations: makes Spring for GraphQL's clients send an
 * operation id instead of the document text.
 */
@NullMarked
package dev.persistedops.client;

import org.jspecify.annotations.NullMarked;
