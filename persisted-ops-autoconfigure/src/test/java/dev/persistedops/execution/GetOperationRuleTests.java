package dev.persistedops.execution;

import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GetOperationRule}.
 */
class GetOperationRuleTests {

	private static final String READ_AND_WRITE = "query Read { greeting } mutation Write { increment }";

	private final PersistedDocumentCache cache = new PersistedDocumentCache(10);

	private final GetOperationRule rule = new GetOperationRule(this.cache);

	@Test
	void allowsAQuery() {
		assertThat(this.rule.allows("query Greeting { greeting }", null)).isTrue();
		assertThat(this.rule.allows("{ greeting }", null)).isTrue();
	}

	@Test
	void refusesAMutation() {
		assertThat(this.rule.allows("mutation { increment }", null)).isFalse();
		assertThat(this.rule.allows("mutation Increment { increment }", "Increment")).isFalse();
	}

	@Test
	void refusesASubscription() {
		assertThat(this.rule.allows("subscription { ticks(count: 3) }", null)).isFalse();
	}

	@Test
	void judgesTheSelectedOperationOfADocumentWithSeveral() {
		assertThat(this.rule.allows(READ_AND_WRITE, "Read")).isTrue();
		assertThat(this.rule.allows(READ_AND_WRITE, "Write")).isFalse();
	}

	@Test
	void judgesTheOnlyOperationWhenTheNameIsEmpty() {
		assertThat(this.rule.allows("mutation Increment { increment }", "")).isFalse();
	}

	@Test
	void judgesTheFirstOperationWhenTheNameIsEmptyAsGraphQlJavaRunsIt() {
		assertThat(this.rule.allows("mutation Write { increment } query Read { greeting }", "")).isFalse();
		assertThat(this.rule.allows("query Read { greeting } mutation Write { increment }", "")).isTrue();
	}

	@Test
	void refusesSeveralOperationsWithoutAName() {
		assertThat(this.rule.allows(READ_AND_WRITE, null)).isFalse();
	}

	@Test
	void refusesADocumentThatDoesNotParse() {
		assertThat(this.rule.allows("mutation { increment", null)).isFalse();
	}

	@Test
	void refusesAnOperationNameTheDocumentDoesNotHave() {
		assertThat(this.rule.allows(READ_AND_WRITE, "Nope")).isFalse();
	}

	@Test
	void usesTheParsedFormOfADocumentAlreadyExecuted() {
		String text = "query Greeting { greeting }";
		this.cache.get(text, () -> new PreparsedDocumentEntry(Parser.parse("mutation Greeting { increment }")));
		assertThat(this.rule.allows(text, "Greeting")).isFalse();
	}

}
