package dev.persistedops.integration;

import java.time.Duration;
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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.persistedops.web.NonPersistedOperationOverride;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * A small GraphQL application for the integration tests, run on MVC or WebFlux.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class TestApplication {

	/**
	 * The header that lets a request run a non-persisted document in only-persisted mode.
	 */
	static final String OVERRIDE_HEADER = "X-Allow-Any-Document";

	@Bean
	ParseCounter parseCounter() {
		return new ParseCounter();
	}

	@Bean
	SimpleMeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

	/** The header that an asynchronous override checks after a delay. */
	static final String ASYNC_OVERRIDE_HEADER = "X-Allow-Later";

	@Bean
	NonPersistedOperationOverride headerOverride() {
		return (request) -> Mono.just("yes".equals(request.getHeaders().getFirst(OVERRIDE_HEADER)));
	}

	@Bean
	NonPersistedOperationOverride asynchronousOverride() {
		return (request) -> Mono.delay(Duration.ofMillis(20))
			.map((tick) -> "yes".equals(request.getHeaders().getFirst(ASYNC_OVERRIDE_HEADER)));
	}

	@Controller
	static class GreetingController {

		final AtomicInteger counter = new AtomicInteger();

		@QueryMapping
		String greeting(@Argument String name) {
			return "Hello, " + name + "!";
		}

		@QueryMapping
		int echo(@Argument int value) {
			return value;
		}

		@MutationMapping
		int increment() {
			return this.counter.incrementAndGet();
		}

		@SubscriptionMapping
		Flux<Integer> ticks(@Argument int count) {
			return Flux.range(1, count);
		}

	}

	/**
	 * Counts how often graphql-java parses and validates each document text.
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

		int parsesOf(String text) {
			AtomicInteger count = this.parses.get(text);
			return (count != null) ? count.get() : 0;
		}

		int validationsOf(String text) {
			AtomicInteger count = this.validations.get(text);
			return (count != null) ? count.get() : 0;
		}

	}

}
