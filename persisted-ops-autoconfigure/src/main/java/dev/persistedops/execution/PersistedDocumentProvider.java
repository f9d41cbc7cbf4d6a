package dev.persistedops.execution;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphQLContext;
import graphql.execution.preparsed.NoOpPreparsedDocumentProvider;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * graphql-java's hook for skipping parse and validation, used for persisted documents: an
 * execution the interceptor marked with {@link #PERSISTED_ID_KEY} takes its document from
 * the {@link PersistedDocumentCache}. Every other execution goes to the delegate, which
 * is the application's own provider where it declares one as a bean.
 * <p>
 * The mark is taken out of the {@code GraphQLContext} as the document is taken, before
 * anything executes: Spring for GraphQL copies every entry of that context into a context
 * snapshot on each call of a data fetcher it wraps (a controller method), so an entry
 * left there costs each such call (about 4 % of the CPU of the benchmarks' large query,
 * which makes 96 of them, measured by hand).
 */
public final class PersistedDocumentProvider implements PreparsedDocumentProvider {

	/**
	 * The {@code GraphQLContext} key that marks an execution of a persisted document,
	 * with its id as the value, until this provider takes the document: read it before
	 * then (in an instrumentation's {@code beginExecution}, as the
	 * {@code graphql.request} observation does).
	 */
	public static final String PERSISTED_ID_KEY = PersistedDocumentProvider.class.getName() + ".id";

	private final PersistedDocumentCache cache;

	private final PreparsedDocumentProvider delegate;

	/**
	 * Create a provider.
	 * @param cache the cache of persisted documents
	 * @param delegate the provider for documents that were not persisted, or {@code null}
	 */
	public PersistedDocumentProvider(PersistedDocumentCache cache, @Nullable PreparsedDocumentProvider delegate) {
		Assert.notNull(cache, "cache is required");
		this.cache = cache;
		this.delegate = (delegate != null) ? delegate : NoOpPreparsedDocumentProvider.INSTANCE;
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput executionInput,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidateFunction) {
		GraphQLContext context = executionInput.getGraphQLContext();
		if (!context.hasKey(PERSISTED_ID_KEY)) {
			return this.delegate.getDocumentAsync(executionInput, parseAndValidateFunction);
		}
		context.delete(PERSISTED_ID_KEY);
		return CompletableFuture.completedFuture(
				this.cache.get(executionInput.getQuery(), () -> parseAndValidateFunction.apply(executionInput)));
	}

}
