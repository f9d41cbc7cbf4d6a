package dev.persistedops.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.validation.ValidationError;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After the sample app has started, the first request of every stored document runs
 * without graphql-java parsing or validating it: the startup check did both, and put the
 * result where the first request looks. Counted with an {@code Instrumentation}, which
 * graphql-java calls for every parse and every validation it does.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class FirstRequestIsPreParsedTests extends RunningSample {

	@Autowired
	ParseCounter counter;

	@Test
	void firstRequestOfEveryStoredDocumentIsNeitherParsedNorValidated() throws IOException {
		Resource[] stored = new PathMatchingResourcePatternResolver()
			.getResources("classpath:/persisted-operations/**/*.graphql");
		assertThat(stored).hasSize(5);
		post(Map.of("id", GET_BOOK, "variables", Map.of("id", "1"))).expectBody()
			.jsonPath("$.data.book.title")
			.isEqualTo("The Left Hand of Darkness");
		post(Map.of("operationId", GET_BOOK_IOS, "variables", Map.of("id", "2"))).expectBody()
			.jsonPath("$.data.book.title")
			.isEqualTo("The Dispossessed");
		post(Map.of("id", LIST_BOOKS, "variables", Map.of("first", 1))).expectBody()
			.jsonPath("$.data.books.length()")
			.isEqualTo(1);
		List<Map<String, Object>> added = subscribe(Map.of("id", ON_BOOK_ADDED), 1,
				() -> addBookById("Parable of the Talents"));
		assertThat(added.get(0).toString()).contains("Parable of the Talents");
		for (Resource document : stored) {
			String text = document.getContentAsString(StandardCharsets.UTF_8);
			assertThat(this.counter.parses(text)).as("parses of %s", document.getFilename()).isZero();
			assertThat(this.counter.validations(text)).as("validations of %s", document.getFilename()).isZero();
		}
		String sent = "{ books(first: 1) { title } }";
		post(Map.of("query", sent)).expectStatus().isOk();
		assertThat(this.counter.parses(sent)).as("a document sent as text is parsed").isOne();
		assertThat(this.counter.validations(sent)).isOne();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ParseCounterConfiguration {

		@Bean
		ParseCounter parseCounter() {
			return new ParseCounter();
		}

	}

	/**
	 * Counts each document text graphql-java parses and validates.
	 */
	static class ParseCounter extends SimplePerformantInstrumentation {

		private final Map<String, AtomicInteger> parses = new ConcurrentHashMap<>();

		private final Map<String, AtomicInteger> validations = new ConcurrentHashMap<>();

		@Override
		public @Nullable InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
				InstrumentationState state) {
			this.parses.computeIfAbsent(parameters.getQuery(), (text) -> new AtomicInteger()).incrementAndGet();
			return super.beginParse(parameters, state);
		}

		@Override
		public @Nullable InstrumentationContext<List<ValidationError>> beginValidation(
				InstrumentationValidationParameters parameters, InstrumentationState state) {
			this.validations.computeIfAbsent(parameters.getQuery(), (text) -> new AtomicInteger()).incrementAndGet();
			return super.beginValidation(parameters, state);
		}

		int parses(String text) {
			AtomicInteger count = this.parses.get(text);
			return (count != null) ? count.get() : 0;
		}

		int validations(String text) {
			AtomicInteger count = this.validations.get(text);
			return (count != null) ? count.get() : 0;
		}

	}

}
