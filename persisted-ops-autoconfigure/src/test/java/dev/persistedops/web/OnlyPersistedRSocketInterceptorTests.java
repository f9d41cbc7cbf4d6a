package dev.persistedops.web;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.RSocketGraphQlInterceptor;
import org.springframework.graphql.server.RSocketGraphQlRequest;
import org.springframework.graphql.server.RSocketGraphQlResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OnlyPersistedRSocketInterceptor}.
 */
class OnlyPersistedRSocketInterceptorTests {

	private final AtomicInteger executed = new AtomicInteger();

	private final RSocketGraphQlInterceptor.Chain chain = (request) -> {
		this.executed.incrementAndGet();
		return Mono.empty();
	};

	private final RSocketGraphQlRequest request = new RSocketGraphQlRequest(Map.of("query", "{ greeting }"), "1", null);

	@Test
	void refusesEveryRequestWhileOnlyPersistedOperationsMayRun() {
		NonPersistedOperationOverride allowAll = (request) -> Mono.just(true);
		RSocketGraphQlResponse response = new OnlyPersistedRSocketInterceptor(
				new OnlyPersistedPolicy(true, List.of(allowAll)))
			.intercept(this.request, this.chain)
			.block();
		assertThat(this.executed).hasValue(0);
		assertThat(response.getExecutionResult().isDataPresent()).isFalse();
		assertThat(response.getErrors()).extracting((error) -> error.getExtensions().get("code"))
			.containsExactly("PERSISTED_QUERY_ONLY");
	}

	@Test
	void passesRequestsOnWhenOnlyPersistedModeIsOff() {
		new OnlyPersistedRSocketInterceptor(new OnlyPersistedPolicy(false, List.of()))
			.intercept(this.request, this.chain)
			.block();
		assertThat(this.executed).hasValue(1);
	}

}
