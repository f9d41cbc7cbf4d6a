/**
 * The benchmark application: the sample app's schema and data fetchers on plain Spring
 * for GraphQL.
 */
@NullMarked
package dev.persistedops.benchmark.app;

import org.jspecify.annotations.NullMarked;
