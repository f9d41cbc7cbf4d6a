package dev.persistedops.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;
import dev.persistedops.execution.GetOperationRule;
import dev.persistedops.execution.PersistedDocumentCache;
import dev.persistedops.execution.PersistedDocumentProvider;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.memory.InMemoryOperationDocumentStore;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PersistedOperationInterceptor}, with a real in-memory store and a
 * chain that records the request it is handed instead of executing it.
 */
class PersistedOperationInterceptorTests {

	private static final String GREETING = "query Greeting { greeting }";

	private static final String GREETING_ID = "bb28b4361bbb1365763e710ce3071d70";

	private final InMemoryOperationDocumentStore store = new InMemoryOperationDocumentStore();

	private final AtomicReference<WebGraphQlRequest> executed = new AtomicReference<>();

	private final WebGraphQlInterceptor.Chain chain = (request) -> {
		this.executed.set(request);
		ExecutionResult result = ExecutionResult.newExecutionResult().data(Map.of("greeting", "hi")).build();
		return Mono
			.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
	};

	PersistedOperationInterceptorTests() {
		this.store.save(OperationId.of(GREETING_ID), GREETING);
	}

	private PersistedOperationInterceptor interceptor(OperationDocumentStore store) {
		return new PersistedOperationInterceptor(new OperationIdResolver(EnumSet.allOf(IdConvention.class)), store,
				new OnlyPersistedPolicy(false, List.of()), new GetOperationRule(new PersistedDocumentCache(10)));
	}

	private static WebGraphQlRequest request(Map<String, Object> body) {
		Map<String, Object> normalized = new PersistedRequestBody(EnumSet.allOf(IdConvention.class)).normalize(body);
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null, Map.of(),
				normalized, "1", null);
	}

	private static String code(WebGraphQlResponse response) {
		return (String) response.getErrors().get(0).getExtensions().get("code");
	}

	@Test
	void runsTheStoredDocumentAndMarksItForTheParseCache() {
		interceptor(this.store).intercept(request(Map.of("id", GREETING_ID)), this.chain).block();
		ExecutionInput input = this.executed.get().toExecutionInput();
		assertThat(input.getQuery()).isEqualTo(GREETING);
		assertThat(input.getExtensions()).isEmpty();
		assertThat(input.getGraphQLContext().<String>get(PersistedDocumentProvider.PERSISTED_ID_KEY))
			.isEqualTo(GREETING_ID);
	}

	@Test
	void keepsWhatAnEarlierInterceptorConfigured() {
		WebGraphQlRequest request = request(Map.of("id", GREETING_ID));
		request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of("tenant", "acme")).build());
		interceptor(this.store).intercept(request, this.chain).block();
		ExecutionInput input = this.executed.get().toExecutionInput();
		assertThat(input.getQuery()).isEqualTo(GREETING);
		assertThat(input.getGraphQLContext().<String>get("tenant")).isEqualTo("acme");
	}

	@Test
	void storeThatThrowsInsteadOfSignallingAnErrorIsUnavailable() {
		OperationDocumentStore throwing = (id) -> {
			throw new IllegalStateException("connection refused");
		};
		WebGraphQlResponse response = interceptor(throwing).intercept(request(Map.of("id", GREETING_ID)), this.chain)
			.block();
		assertThat(code(response)).isEqualTo("PERSISTED_QUERY_STORE_UNAVAILABLE");
		assertThat(response.getErrors().get(0).getMessage()).doesNotContain("connection refused");
		assertThat(this.executed.get()).isNull();
	}

	@Test
	void storeThatSignalsAnErrorIsUnavailable() {
		OperationDocumentStore failing = (id) -> Mono.error(new IllegalStateException("timeout"));
		WebGraphQlResponse response = interceptor(failing).intercept(request(Map.of("id", GREETING_ID)), this.chain)
			.block();
		assertThat(code(response)).isEqualTo("PERSISTED_QUERY_STORE_UNAVAILABLE");
	}

	@Test
	void unknownApolloHashAloneWhileApqIsOffIsNotSupportedSoApolloClientFallsBack() {
		Map<String, Object> extensions = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "a".repeat(64)));
		WebGraphQlResponse response = interceptor(this.store)
			.intercept(request(Map.of("extensions", extensions)), this.chain)
			.block();
		assertThat(response.getErrors().get(0).getMessage()).isEqualTo("PersistedQueryNotSupported");
		assertThat(code(response)).isEqualTo("PERSISTED_QUERY_NOT_SUPPORTED");
		assertThat(response.getResponseHeaders().getCacheControl()).isEqualTo("private, no-cache, must-revalidate");
	}

	@Test
	void unknownIdOfAnotherConventionIsNotFound() {
		WebGraphQlResponse response = interceptor(this.store)
			.intercept(request(Map.of("documentId", "b".repeat(64))), this.chain)
			.block();
		assertThat(response.getErrors().get(0).getMessage()).isEqualTo("PersistedQueryNotFound");
		assertThat(response.getResponseHeaders().getCacheControl()).isEqualTo("private, no-cache, must-revalidate");
	}

	@Test
	void apolloRegistrationOfAnUnknownHashIsNotSupported() {
		Map<String, Object> extensions = Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "a".repeat(64)));
		WebGraphQlResponse response = interceptor(this.store)
			.intercept(request(Map.of("query", "{ greeting }", "extensions", extensions)), this.chain)
			.block();
		assertThat(response.getErrors().get(0).getMessage()).isEqualTo("PersistedQueryNotSupported");
		assertThat(code(response)).isEqualTo("PERSISTED_QUERY_NOT_SUPPORTED");
		assertThat(this.executed.get()).isNull();
	}

}
