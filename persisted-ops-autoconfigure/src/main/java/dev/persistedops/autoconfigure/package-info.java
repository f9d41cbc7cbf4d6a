/**
 * Auto-configuration and configuration properties of the persisted operations starter.
 */
@NullMarked
package dev.persistedops.autoconfigure;

import org.jspecify.annotations.NullMarked;
