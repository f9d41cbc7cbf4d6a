/**
 * What a team running persisted operations watches: metrics of the decisions the starter
 * makes.
 */
@NullMarked
package dev.persistedops.observability;

import org.jspecify.annotations.NullMarked;
