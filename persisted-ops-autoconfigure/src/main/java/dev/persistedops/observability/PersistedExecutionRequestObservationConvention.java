package dev.persistedops.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.jspecify.annotations.Nullable;

import dev.persistedops.execution.PersistedDocumentProvider;

import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;

/**
 * Spring for GraphQL's {@code graphql.request} observation, with what persisted
 * operations add: the low-cardinality key {@value #PERSISTED} ({@code true} when the
 * document that ran is a stored one: looked up by id, matched by the safelist, or just
 * registered) and the high-cardinality key {@value #PERSISTED_ID}, the id it is stored
 * under (for traces; metrics never see it). Requests the starter refuses never execute,
 * so they have no {@code graphql.request} observation: the {@code persisted.operations}
 * counter has them.
 */
public class PersistedExecutionRequestObservationConvention extends DefaultExecutionRequestObservationConvention {

	/** The key that says whether the document was persisted. */
	public static final String PERSISTED = "graphql.persisted";

	/** The key of the operation id, high cardinality. */
	public static final String PERSISTED_ID = "graphql.persisted.id";

	private static final KeyValue PERSISTED_TRUE = KeyValue.of(PERSISTED, "true");

	private static final KeyValue PERSISTED_FALSE = KeyValue.of(PERSISTED, "false");

	private static final KeyValue NO_ID = KeyValue.of(PERSISTED_ID, KeyValue.NONE_VALUE);

	@Override
	public KeyValues getLowCardinalityKeyValues(ExecutionRequestObservationContext context) {
		return super.getLowCardinalityKeyValues(context)
			.and((persistedId(context) != null) ? PERSISTED_TRUE : PERSISTED_FALSE);
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ExecutionRequestObservationContext context) {
		String id = persistedId(context);
		return super.getHighCardinalityKeyValues(context).and((id != null) ? KeyValue.of(PERSISTED_ID, id) : NO_ID);
	}

	/**
	 * Return the id the execution is marked with. The mark is read when the observation
	 * starts, before the document is parsed, and kept in the observation's context: the
	 * {@link PersistedDocumentProvider} takes it out of the {@code GraphQLContext} before
	 * the execution, and the key values are asked for again when the observation stops.
	 */
	private static @Nullable String persistedId(ExecutionRequestObservationContext context) {
		PersistedId persisted = context.get(PersistedId.class);
		if (persisted == null) {
			Object id = context.getExecutionInput().getGraphQLContext().get(PersistedDocumentProvider.PERSISTED_ID_KEY);
			persisted = new PersistedId((id instanceof String value) ? value : null);
			context.put(PersistedId.class, persisted);
		}
		return persisted.value();
	}

	private record PersistedId(@Nullable String value) {
	}

}
