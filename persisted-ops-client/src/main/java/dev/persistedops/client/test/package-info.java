/**
 * Persisted operations for Spring for GraphQL's testers ({@code HttpGraphQlTester},
 * {@code WebGraphQlTester}), which have no client interceptors.
 */
@NullMarked
package dev.persistedops.client.test;

import org.jspecify.annotations.NullMarked;
