/**
 * Publishing a client's operations to a server over GraphQL-Ruby's OperationStore sync
 * protocol.
 */
@NullMarked
package dev.persistedops.maven.publish;

import org.jspecify.annotations.NullMarked;
