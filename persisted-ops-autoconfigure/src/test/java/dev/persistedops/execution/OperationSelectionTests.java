package dev.persistedops.execution;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OperationSelection}: the operation graphql-java would run.
 */
class OperationSelectionTests {

	private static final Document ONE = Parser.parse("query Only { a }");

	private static final Document SEVERAL = Parser
		.parse("query First { a } mutation Second { b } fragment F on Query { a } subscription Third { c }");

	@Test
	void noNameSelectsTheOnlyOperation() {
		assertThat(name(OperationSelection.select(ONE, null))).isEqualTo("Only");
	}

	@Test
	void noNameSelectsTheOnlyAnonymousOperation() {
		OperationDefinition selected = OperationSelection.select(Parser.parse("{ a }"), null);
		assertThat(selected).isNotNull();
		assertThat(selected.getName()).isNull();
		assertThat(selected.getOperation()).isEqualTo(OperationDefinition.Operation.QUERY);
	}

	@Test
	void noNameWithSeveralOperationsSelectsNone() {
		assertThat(OperationSelection.select(SEVERAL, null)).isNull();
	}

	@Test
	void emptyNameSelectsTheFirstOperation() {
		assertThat(name(OperationSelection.select(SEVERAL, ""))).isEqualTo("First");
		assertThat(name(OperationSelection.select(ONE, ""))).isEqualTo("Only");
	}

	@Test
	void nameSelectsTheOperationOfThatName() {
		OperationDefinition second = OperationSelection.select(SEVERAL, "Second");
		assertThat(name(second)).isEqualTo("Second");
		assertThat(second.getOperation()).isEqualTo(OperationDefinition.Operation.MUTATION);
		assertThat(name(OperationSelection.select(SEVERAL, "Third"))).isEqualTo("Third");
		assertThat(name(OperationSelection.select(ONE, "Only"))).isEqualTo("Only");
	}

	@Test
	void unknownNameSelectsNone() {
		assertThat(OperationSelection.select(SEVERAL, "Fourth")).isNull();
		assertThat(OperationSelection.select(ONE, "Other")).isNull();
	}

	@Test
	void nameOfAFragmentSelectsNone() {
		assertThat(OperationSelection.select(SEVERAL, "F")).isNull();
	}

	@Test
	void documentWithoutOperationsSelectsNone() {
		Document fragmentsOnly = Parser.parse("fragment F on Query { a }");
		assertThat(OperationSelection.select(fragmentsOnly, null)).isNull();
		assertThat(OperationSelection.select(fragmentsOnly, "")).isNull();
		assertThat(OperationSelection.select(fragmentsOnly, "F")).isNull();
	}

	private static String name(OperationDefinition operation) {
		assertThat(operation).isNotNull();
		return operation.getName();
	}

}
