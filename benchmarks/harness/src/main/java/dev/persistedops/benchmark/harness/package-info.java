/**
 * The benchmark harness that {@code benchmarks/run} runs: it generates the documents,
 * starts the servers pinned to their cores, drives the load generator in alternating
 * rounds, and writes {@code benchmarks/RESULTS.md}.
 */
@NullMarked
package dev.persistedops.benchmark.harness;

import org.jspecify.annotations.NullMarked;
