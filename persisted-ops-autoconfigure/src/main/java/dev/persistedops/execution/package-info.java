/**
 * Execution of persisted documents: parsing and validating each stored document once, and
 * the rule that a GET request runs only queries.
 */
@NullMarked
package dev.persistedops.execution;

import org.jspecify.annotations.NullMarked;
