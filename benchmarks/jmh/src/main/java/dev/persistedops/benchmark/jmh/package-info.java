/**
 * JMH microbenchmarks of the in-process hot path of a persisted request, against
 * graphql-java's {@code PersistedQuerySupport} on the same inputs.
 */
@NullMarked
package dev.persistedops.benchmark.jmh;

import org.jspecify.annotations.NullMarked;
