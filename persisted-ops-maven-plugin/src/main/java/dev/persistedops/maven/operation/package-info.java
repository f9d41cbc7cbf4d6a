/**
 * A client's operations as Spring's GraphQL client loads them from
 * {@code graphql-documents/}, and their ids.
 */
@NullMarked
package dev.persistedops.maven.operation;

import org.jspecify.annotations.NullMarked;
