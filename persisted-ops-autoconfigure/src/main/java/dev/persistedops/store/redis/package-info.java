/**
 * A document store in Redis, through Spring Data Redis' reactive API.
 */
@NullMarked
package dev.persistedops.store.redis;

import org.jspecify.annotations.NullMarked;
