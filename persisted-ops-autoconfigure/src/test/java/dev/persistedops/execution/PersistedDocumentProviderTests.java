package dev.persistedops.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedDocumentProvider} and the {@link PersistedDocumentCache}
 * behind it.
 */
class PersistedDocumentProviderTests {

	private final AtomicInteger parses = new AtomicInteger();

	private final Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = (input) -> {
		this.parses.incrementAndGet();
		return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
	};

	private final CountingProvider delegate = new CountingProvider();

	private final PersistedDocumentCache cache = new PersistedDocumentCache(100);

	private final PersistedDocumentProvider provider = new PersistedDocumentProvider(this.cache, this.delegate);

	@Test
	void parsesAPersistedDocumentOnceAcrossExecutions() {
		List<PreparsedDocumentEntry> entries = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			entries.add(this.provider.getDocumentAsync(persisted("query Greeting { greeting }"), this.parseAndValidate)
				.join());
		}
		assertThat(this.parses).hasValue(1);
		assertThat(entries).allSatisfy((entry) -> assertThat(entry).isSameAs(entries.get(0)));
		assertThat(this.delegate.calls).hasValue(0);
		assertThat(this.cache.parsedDocument("query Greeting { greeting }")).isNotNull();
	}

	@Test
	void takesTheMarkOutOfTheContextBeforeTheExecution() {
		ExecutionInput input = persisted("query Greeting { greeting }");
		this.provider.getDocumentAsync(input, this.parseAndValidate).join();
		assertThat(input.getGraphQLContext().hasKey(PersistedDocumentProvider.PERSISTED_ID_KEY)).isFalse();
		assertThat(this.delegate.calls).hasValue(0);
	}

	@Test
	void parsesEachPersistedDocumentSeparately() {
		this.provider.getDocumentAsync(persisted("query A { greeting }"), this.parseAndValidate).join();
		this.provider.getDocumentAsync(persisted("query B { greeting }"), this.parseAndValidate).join();
		this.provider.getDocumentAsync(persisted("query A { greeting }"), this.parseAndValidate).join();
		assertThat(this.parses).hasValue(2);
		assertThat(this.cache.size()).isEqualTo(2);
	}

	@Test
	void sendsDocumentsThatWereNotPersistedToTheDelegate() {
		ExecutionInput input = ExecutionInput.newExecutionInput().query("query Greeting { greeting }").build();
		for (int i = 0; i < 3; i++) {
			this.provider.getDocumentAsync(input, this.parseAndValidate).join();
		}
		assertThat(this.delegate.calls).hasValue(3);
		assertThat(this.parses).hasValue(3);
		assertThat(this.cache.size()).isZero();
		assertThat(this.cache.parsedDocument("query Greeting { greeting }")).isNull();
	}

	@Test
	void parsesDocumentsThatWereNotPersistedEveryTimeWithoutADelegate() {
		PersistedDocumentProvider provider = new PersistedDocumentProvider(this.cache, null);
		ExecutionInput input = ExecutionInput.newExecutionInput().query("query Greeting { greeting }").build();
		provider.getDocumentAsync(input, this.parseAndValidate).join();
		provider.getDocumentAsync(input, this.parseAndValidate).join();
		assertThat(this.parses).hasValue(2);
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void keepsAtMostTheMaximumNumberOfDocuments() {
		PersistedDocumentCache bounded = new PersistedDocumentCache(2);
		PersistedDocumentProvider provider = new PersistedDocumentProvider(bounded, this.delegate);
		for (int i = 0; i < 50; i++) {
			provider.getDocumentAsync(persisted("query Q" + i + " { greeting }"), this.parseAndValidate).join();
		}
		assertThat(this.parses).hasValue(50);
		assertThat(bounded.size()).isLessThanOrEqualTo(2);
	}

	@Test
	void concurrentFirstExecutionsParseOnce() throws Exception {
		Function<ExecutionInput, PreparsedDocumentEntry> slowParse = (input) -> {
			this.parses.incrementAndGet();
			sleep(100);
			return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
		};
		int threads = 8;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch ready = new CountDownLatch(threads);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<PreparsedDocumentEntry>> results = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				results.add(executor.submit(() -> {
					ready.countDown();
					start.await();
					return this.provider.getDocumentAsync(persisted("query Greeting { greeting }"), slowParse).join();
				}));
			}
			assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
			start.countDown();
			List<PreparsedDocumentEntry> entries = new ArrayList<>();
			for (Future<PreparsedDocumentEntry> result : results) {
				entries.add(result.get(10, TimeUnit.SECONDS));
			}
			assertThat(this.parses).hasValue(1);
			assertThat(entries).allSatisfy((entry) -> assertThat(entry).isSameAs(entries.get(0)));
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static ExecutionInput persisted(String text) {
		return ExecutionInput.newExecutionInput()
			.query(text)
			.graphQLContext(Map.of(PersistedDocumentProvider.PERSISTED_ID_KEY, "some-id"))
			.build();
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static final class CountingProvider implements PreparsedDocumentProvider {

		private final AtomicInteger calls = new AtomicInteger();

		@Override
		public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput executionInput,
				Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidateFunction) {
			this.calls.incrementAndGet();
			return CompletableFuture.completedFuture(parseAndValidateFunction.apply(executionInput));
		}

	}

}
