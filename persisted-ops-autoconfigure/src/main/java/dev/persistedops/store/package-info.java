/**
 * The store SPI through which persisted documents are looked up, and what every store
 * shares.
 */
@NullMarked
package dev.persistedops.store;

import org.jspecify.annotations.NullMarked;
