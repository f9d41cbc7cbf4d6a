/**
 * Checking a client's operations against a schema, from files or from a running server's
 * introspection.
 */
@NullMarked
package dev.persistedops.maven.check;

import org.jspecify.annotations.NullMarked;
