/**
 * Writing and reading the files a client build exports: Apollo's manifest, a Relay-style
 * map, a directory of documents.
 */
@NullMarked
package dev.persistedops.maven.manifest;

import org.jspecify.annotations.NullMarked;
