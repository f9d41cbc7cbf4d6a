package dev.persistedops.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link OnlyPersistedPolicy}.
 */
class OnlyPersistedPolicyTests {

	private final WebGraphQlRequest request = new WebGraphQlRequest(URI.create("http://localhost/graphql"),
			new HttpHeaders(), null, null, Map.of(), Map.of("query", "{ greeting }"), "1", null);

	@Test
	void offAllowsWithoutAskingOverrides() {
		AtomicInteger asked = new AtomicInteger();
		OnlyPersistedPolicy policy = new OnlyPersistedPolicy(false, List.of((request) -> {
			asked.incrementAndGet();
			return Mono.just(false);
		}));
		assertThat(policy.isOnlyPersisted()).isFalse();
		assertAllows(policy, true);
		assertThat(asked).hasValue(0);
	}

	@Test
	void onWithoutOverridesRefuses() {
		OnlyPersistedPolicy policy = new OnlyPersistedPolicy(true, List.of());
		assertThat(policy.isOnlyPersisted()).isTrue();
		assertAllows(policy, false);
	}

	@Test
	void onWithAnOverrideThatAllowsAllows() {
		assertAllows(new OnlyPersistedPolicy(true, List.of((request) -> Mono.just(true))), true);
	}

	@Test
	void onWithAnOverrideThatRefusesRefuses() {
		assertAllows(new OnlyPersistedPolicy(true, List.of((request) -> Mono.just(false))), false);
	}

	@Test
	void onWithAnOverrideThatAnswersNothingRefuses() {
		assertAllows(new OnlyPersistedPolicy(true, List.of((request) -> Mono.empty())), false);
	}

	@Test
	void onWithAnOverrideThatSignalsAnErrorRefuses() {
		NonPersistedOperationOverride failing = (request) -> Mono.error(new IllegalStateException("down"));
		assertAllows(new OnlyPersistedPolicy(true, List.of(failing)), false);
	}

	@Test
	void onWithAnOverrideThatThrowsRefuses() {
		NonPersistedOperationOverride throwing = (request) -> {
			throw new IllegalStateException("down");
		};
		assertAllows(new OnlyPersistedPolicy(true, List.of(throwing)), false);
	}

	@Test
	void onWithAnAsynchronousOverrideThatAllowsAllows() {
		NonPersistedOperationOverride later = (request) -> Mono.delay(Duration.ofMillis(50)).thenReturn(true);
		assertAllows(new OnlyPersistedPolicy(true, List.of(later)), true);
	}

	@Test
	void overrideSeesTheRequest() {
		List<WebGraphQlRequest> seen = new CopyOnWriteArrayList<>();
		OnlyPersistedPolicy policy = new OnlyPersistedPolicy(true, List.of((request) -> {
			seen.add(request);
			return Mono.just(true);
		}));
		assertAllows(policy, true);
		assertThat(seen).containsExactly(this.request);
	}

	@Test
	void oneAllowingOverrideOfTwoIsEnough() {
		assertAllows(
				new OnlyPersistedPolicy(true, List.of((request) -> Mono.just(false), (request) -> Mono.just(true))),
				true);
		assertAllows(new OnlyPersistedPolicy(true,
				List.of((request) -> Mono.error(new IllegalStateException("down")), (request) -> Mono.just(true))),
				true);
	}

	@Test
	void overridesAreAskedInOrderUntilOneAllows() {
		List<String> asked = new CopyOnWriteArrayList<>();
		OnlyPersistedPolicy policy = new OnlyPersistedPolicy(true, List.of(answering("first", false, asked),
				answering("second", true, asked), answering("third", true, asked)));
		assertAllows(policy, true);
		assertThat(asked).containsExactly("first", "second");
	}

	@Test
	void slowFirstOverrideIsAnsweredBeforeTheNextIsAsked() {
		List<String> asked = new CopyOnWriteArrayList<>();
		NonPersistedOperationOverride slow = (request) -> {
			asked.add("slow");
			return Mono.delay(Duration.ofMillis(50)).doOnNext((tick) -> asked.add("slow answered")).thenReturn(false);
		};
		OnlyPersistedPolicy policy = new OnlyPersistedPolicy(true, List.of(slow, answering("next", true, asked)));
		assertAllows(policy, true);
		assertThat(asked).containsExactly("slow", "slow answered", "next");
	}

	private static NonPersistedOperationOverride answering(String name, boolean answer, List<String> asked) {
		return (request) -> {
			asked.add(name);
			return Mono.just(answer);
		};
	}

	private void assertAllows(OnlyPersistedPolicy policy, boolean expected) {
		StepVerifier.create(policy.allowsDocument(this.request))
			.expectNext(expected)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

}
