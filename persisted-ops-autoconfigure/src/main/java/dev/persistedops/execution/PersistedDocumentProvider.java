package dev.persistedops.execution;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
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
 */
public final class PersistedDocumentProvider implements PreparsedDocumentProvider {

	/** The {@code GraphQLContext} key that marks an execution of a persisted document. */
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
		if (!executionInput.getGraphQLContext().hasKey(PERSISTED_ID_KEY)) {
			return this.delegate.getDocumentAsync(executionInput, parseAndValidateFunction);
		}
		return CompletableFuture.completedFuture(
				this.cache.get(executionInput.getQuery(), () -> parseAndValidateFunction.apply(executionInput)));
	}

}
