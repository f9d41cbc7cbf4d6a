package dev.persistedops.web;

import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaGenerator;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.document.OperationId;
import dev.persistedops.execution.GetOperationRule;
import dev.persistedops.execution.OperationValidator;
import dev.persistedops.execution.PersistedDocumentCache;
import dev.persistedops.execution.PersistedDocumentProvider;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.SaveOutcome;
import dev.persistedops.store.StoreUnavailableException;
import dev.persistedops.store.WritableOperationDocumentStore;
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

	private static final GraphQLSchema SCHEMA = SchemaGenerator.createdMockedSchema("type Query { greeting: String }");

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
	void runsTheStoredDocumentWithTheExtensionsSentButNotTheCarrierOfTheId() {
		interceptor(this.store)
			.intercept(request(Map.of("id", GREETING_ID, "extensions", Map.of("trace", true))), this.chain)
			.block();
		ExecutionInput input = this.executed.get().toExecutionInput();
		assertThat(input.getQuery()).isEqualTo(GREETING);
		assertThat(input.getExtensions()).containsExactly(Map.entry("trace", true));
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
	void storeThatAnswersLaterRunsTheStoredDocumentAndFindsMissingIds() {
		OperationDocumentStore later = (id) -> Mono.delay(Duration.ofMillis(10))
			.then(Mono.defer(() -> this.store.findDocument(id)));
		interceptor(later).intercept(request(Map.of("id", GREETING_ID)), this.chain).block();
		assertThat(this.executed.get().toExecutionInput().getQuery()).isEqualTo(GREETING);
		WebGraphQlResponse missing = interceptor(later).intercept(request(Map.of("id", "b".repeat(64))), this.chain)
			.block();
		assertThat(code(missing)).isEqualTo("PERSISTED_QUERY_NOT_FOUND");
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

	@Test
	void unavailableStoreIsAnsweredWithRetryAfter() {
		OperationDocumentStore unavailable = (id) -> Mono
			.error(new StoreUnavailableException("down", null, Duration.ofSeconds(2)));
		WebGraphQlResponse response = interceptor(unavailable).intercept(request(Map.of("id", GREETING_ID)), this.chain)
			.block();
		assertThat(code(response)).isEqualTo("PERSISTED_QUERY_STORE_UNAVAILABLE");
		assertThat(response.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("2");
	}

	@Test
	void registrationWhoseSaveFindsTheStoreUnavailableIsRefusedAndRunsNothing() {
		WebGraphQlResponse response = apqInterceptor(new UnavailableForSaves())
			.intercept(request(registration(GREETING)), this.chain)
			.block();
		assertThat(code(response)).isEqualTo("PERSISTED_QUERY_STORE_UNAVAILABLE");
		assertThat(response.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("3");
		assertThat(this.executed.get()).isNull();
	}

	@Test
	void registrationIsStoredBeforeItRuns() {
		InMemoryOperationDocumentStore registrations = new InMemoryOperationDocumentStore();
		WebGraphQlInterceptor.Chain chain = (request) -> {
			assertThat(registrations.findDocument(OperationId.of(sha256(GREETING))).block()).isEqualTo(GREETING);
			return this.chain.next(request);
		};
		WebGraphQlResponse response = apqInterceptor(registrations).intercept(request(registration(GREETING)), chain)
			.block();
		assertThat(response.getErrors()).isEmpty();
		assertThat(this.executed.get().toExecutionInput().getQuery()).isEqualTo(GREETING);
	}

	@Test
	void registrationWhoseSaveFailsOtherwiseStillRuns() {
		WebGraphQlResponse response = apqInterceptor(new InMemoryOperationDocumentStore() {

			@Override
			public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
				return Mono.error(new UnsupportedOperationException("no time to live here"));
			}

		}).intercept(request(registration(GREETING)), this.chain).block();
		assertThat(response.getErrors()).isEmpty();
		assertThat(this.executed.get()).isNotNull();
	}

	private PersistedOperationInterceptor apqInterceptor(WritableOperationDocumentStore registrations) {
		AutomaticPersistedQueries apq = new AutomaticPersistedQueries(registrations,
				new AutomaticPersistedQueries.Settings(null, 65_536), new OperationValidator(() -> SCHEMA));
		return new PersistedOperationInterceptor(new OperationIdResolver(EnumSet.allOf(IdConvention.class)),
				registrations, new OnlyPersistedPolicy(false, List.of()),
				new GetOperationRule(new PersistedDocumentCache(10)), apq);
	}

	private static Map<String, Object> registration(String text) {
		return Map.of("query", text, "extensions",
				Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", sha256(text))));
	}

	private static String sha256(String text) {
		return new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.HEX).hash(text);
	}

	/**
	 * A store that finds nothing and cannot save: its lookups answer, its saves time out.
	 */
	private static final class UnavailableForSaves extends InMemoryOperationDocumentStore {

		@Override
		public Mono<SaveOutcome> save(OperationId id, String text, @Nullable Duration timeToLive) {
			return Mono.error(new StoreUnavailableException("timed out", null, Duration.ofSeconds(3)));
		}

	}

}
