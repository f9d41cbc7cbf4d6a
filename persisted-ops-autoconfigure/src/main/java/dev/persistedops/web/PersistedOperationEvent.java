package dev.persistedops.web;

import java.util.regex.Pattern;

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
 * @param operationName the operation name the request named, or {@code null}; a name that
 * is not a GraphQL name is dropped, so that it is safe to log
 */
public record PersistedOperationEvent(PersistedOperationOutcome outcome, Transport transport,
		@Nullable ClientIdentity client, @Nullable OperationId id, @Nullable String operationName) {

	private static final Pattern GRAPHQL_NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,127}");

	public PersistedOperationEvent {
		if (operationName != null && !GRAPHQL_NAME.matcher(operationName).matches()) {
			operationName = null;
		}
	}

	/**
	 * Create an event for a request that named no operation.
	 */
	public PersistedOperationEvent(PersistedOperationOutcome outcome, Transport transport,
			@Nullable ClientIdentity client, @Nullable OperationId id) {
		this(outcome, transport, client, id, null);
	}

}
