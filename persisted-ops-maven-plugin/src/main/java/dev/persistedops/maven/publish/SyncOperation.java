package dev.persistedops.maven.publish;

/**
 * One operation of a sync request.
 *
 * @param name the operation's name
 * @param body its exact text
 * @param alias the name the server stores it under, for this client: the operation then
 * runs as {@code operationId: "<client>/<alias>"}
 */
public record SyncOperation(String name, String body, String alias) {
}
