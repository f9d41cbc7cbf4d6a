/**
 * Transport-neutral handling of persisted operations: finding the id in a request,
 * swapping it for the stored document, the only-persisted policy and the error contract.
 */
@NullMarked
package dev.persistedops.web;

import org.jspecify.annotations.NullMarked;
