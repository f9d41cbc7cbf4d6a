package dev.persistedops.web;

import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import graphql.ExecutionResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import dev.persistedops.execution.GetOperationRule;
import dev.persistedops.execution.PersistedDocumentCache;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.memory.InMemoryOperationDocumentStore;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@link PersistedOperationInterceptor} logs of refusals, misses and store failures:
 * at DEBUG, one line naming the id, operation, client and transport, never a document's
 * text; a store failing on every lookup is a WARN line at most once a minute.
 */
@ExtendWith(OutputCaptureExtension.class)
class DecisionLoggingTests {

	private static final String SECRET_TEXT = "query Secret { greeting }";

	private final Logger logger = (Logger) LoggerFactory.getLogger(PersistedOperationInterceptor.class);

	private final Level level = this.logger.getLevel();

	private final InMemoryOperationDocumentStore store = new InMemoryOperationDocumentStore();

	private final WebGraphQlInterceptor.Chain chain = (request) -> Mono
		.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(),
				ExecutionResult.newExecutionResult().data(Map.of()).build())));

	@BeforeEach
	void debug() {
		this.logger.setLevel(Level.DEBUG);
	}

	@AfterEach
	void restore() {
		this.logger.setLevel(this.level);
	}

	private PersistedOperationInterceptor interceptor(OperationDocumentStore store) {
		return new PersistedOperationInterceptor(new OperationIdResolver(EnumSet.allOf(IdConvention.class)), store,
				new OnlyPersistedPolicy(true, List.of()), new GetOperationRule(new PersistedDocumentCache(10)), null,
				new ClientIdentityResolver(List.of("apollographql-client-name"),
						List.of("apollographql-client-version"), 64),
				List.of());
	}

	private static WebGraphQlRequest request(Map<String, Object> body) {
		HttpHeaders headers = new HttpHeaders();
		headers.add("apollographql-client-name", "ios");
		headers.add("apollographql-client-version", "4.2");
		Map<String, Object> normalized = new PersistedRequestBody(EnumSet.allOf(IdConvention.class)).normalize(body);
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), headers, null, null, Map.of(), normalized,
				"1", null);
	}

	@Test
	void aRefusalIsOneDebugLineWithTheOperationClientAndTransportAndNoText(CapturedOutput output) {
		interceptor(this.store).intercept(request(Map.of("query", SECRET_TEXT, "operationName", "Secret")), this.chain)
			.block();
		assertThat(output).contains("DEBUG")
			.contains("Refused a document that is not persisted (refused): id none, operation Secret, "
					+ "client 'ios 4.2', transport http")
			.doesNotContain(SECRET_TEXT);
	}

	@Test
	void aMissNamesTheId(CapturedOutput output) {
		interceptor(this.store).intercept(request(Map.of("id", "abc", "operationName", "GetBook")), this.chain).block();
		assertThat(output)
			.contains("No persisted document under the id (not_found): id 'abc', operation GetBook, client 'ios 4.2'");
	}

	@Test
	void anOperationNameThatIsNotAGraphQlNameIsNotLogged(CapturedOutput output) {
		interceptor(this.store).intercept(request(Map.of("id", "abc", "operationName", "Get\nFAKE LINE")), this.chain)
			.block();
		assertThat(output).contains("operation unnamed").doesNotContain("FAKE LINE");
	}

	@Test
	void aStoreThatFailsOnEveryLookupIsOneWarningAMinute(CapturedOutput output) {
		OperationDocumentStore failing = (id) -> Mono.error(new IllegalStateException("WRONGTYPE"));
		PersistedOperationInterceptor interceptor = interceptor(failing);
		for (int i = 0; i < 100; i++) {
			interceptor.intercept(request(Map.of("id", "id-" + i)), this.chain).block();
		}
		assertThat(output.getOut().lines().filter((line) -> line.contains("WARN"))).hasSize(1);
		assertThat(output.getOut().lines().filter((line) -> line.contains("(store_unavailable)"))).hasSize(100);
	}

	@Test
	void nothingIsLoggedWhenDebugIsOff(CapturedOutput output) {
		this.logger.setLevel(Level.INFO);
		interceptor(this.store).intercept(request(Map.of("id", "abc")), this.chain).block();
		interceptor(this.store).intercept(request(Map.of("query", SECRET_TEXT)), this.chain).block();
		assertThat(output).doesNotContain("not_found").doesNotContain("refused");
	}

}
