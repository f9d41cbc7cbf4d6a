package dev.persistedops.web;

import org.jspecify.annotations.Nullable;

import dev.persistedops.document.OperationId;

/**
 * One decision of the persisted operation interceptor, as
 * {@linkplain PersistedOperationListener listeners} see it. It carries no document text.
 *
 * @param outcome what was decided
 * @param transport how the request arrived
 * @param client the client the request names, or {@code null}
 * @param id the id the document ran under or was asked for, or {@code null} for a sent
 * document that matched nothing
 */
public record PersistedOperationEvent(PersistedOperationOutcome outcome, Transport transport,
		@Nullable ClientIdentity client, @Nullable OperationId id) {

}
