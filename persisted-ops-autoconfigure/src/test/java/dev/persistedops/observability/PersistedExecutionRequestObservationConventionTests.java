package dev.persistedops.observability;

import java.util.Map;

import graphql.ExecutionInput;
import graphql.execution.ExecutionId;
import io.micrometer.common.KeyValue;
import org.junit.jupiter.api.Test;

import dev.persistedops.execution.PersistedDocumentProvider;

import org.springframework.graphql.observation.ExecutionRequestObservationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedExecutionRequestObservationConvention}.
 */
class PersistedExecutionRequestObservationConventionTests {

	private final PersistedExecutionRequestObservationConvention convention = new PersistedExecutionRequestObservationConvention();

	@Test
	void aPersistedDocumentIsTaggedPersistedWithItsIdAsAHighCardinalityKey() {
		ExecutionRequestObservationContext context = new ExecutionRequestObservationContext(persistedInput("1"));
		assertThat(this.convention.getLowCardinalityKeyValues(context))
			.contains(KeyValue.of(PersistedExecutionRequestObservationConvention.PERSISTED, "true"))
			.extracting(KeyValue::getKey)
			.doesNotContain(PersistedExecutionRequestObservationConvention.PERSISTED_ID);
		assertThat(this.convention.getHighCardinalityKeyValues(context))
			.contains(KeyValue.of(PersistedExecutionRequestObservationConvention.PERSISTED_ID, "ios/abc"));
		assertThat(this.convention.getName()).isEqualTo("graphql.request");
	}

	/**
	 * The observation starts before the document is parsed and stops after the execution,
	 * when {@link PersistedDocumentProvider} has taken the mark out of the context: the
	 * key values are asked for at both.
	 */
	@Test
	void aPersistedDocumentKeepsItsTagsWhenTheMarkIsTakenOutAfterTheStart() {
		ExecutionInput input = persistedInput("3");
		ExecutionRequestObservationContext context = new ExecutionRequestObservationContext(input);
		this.convention.getLowCardinalityKeyValues(context);
		input.getGraphQLContext().delete(PersistedDocumentProvider.PERSISTED_ID_KEY);
		assertThat(this.convention.getLowCardinalityKeyValues(context))
			.contains(KeyValue.of(PersistedExecutionRequestObservationConvention.PERSISTED, "true"));
		assertThat(this.convention.getHighCardinalityKeyValues(context))
			.contains(KeyValue.of(PersistedExecutionRequestObservationConvention.PERSISTED_ID, "ios/abc"));
	}

	@Test
	void aSentDocumentIsTaggedNotPersisted() {
		ExecutionRequestObservationContext context = new ExecutionRequestObservationContext(
				ExecutionInput.newExecutionInput("{ books { title } }").executionId(ExecutionId.from("2")).build());
		assertThat(this.convention.getLowCardinalityKeyValues(context))
			.contains(KeyValue.of(PersistedExecutionRequestObservationConvention.PERSISTED, "false"));
		assertThat(this.convention.getHighCardinalityKeyValues(context))
			.contains(KeyValue.of(PersistedExecutionRequestObservationConvention.PERSISTED_ID, KeyValue.NONE_VALUE));
	}

	/**
	 * An execution input marked by the interceptor as the persisted document
	 * {@code ios/abc}.
	 */
	private static ExecutionInput persistedInput(String executionId) {
		return ExecutionInput.newExecutionInput("{ books { title } }")
			.graphQLContext(Map.of(PersistedDocumentProvider.PERSISTED_ID_KEY, "ios/abc"))
			.executionId(ExecutionId.from(executionId))
			.build();
	}

}
