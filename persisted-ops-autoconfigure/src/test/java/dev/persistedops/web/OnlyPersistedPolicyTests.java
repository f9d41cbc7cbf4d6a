package dev.persistedops.web;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import dev.persistedops.execution.SafelistIndex;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link OnlyPersistedPolicy}.
 */
@ExtendWith(OutputCaptureExtension.class)
class OnlyPersistedPolicyTests {

	private static final String AUDIT_LINE = "Ran a document that is not persisted (audit)";

	private static final String STORED_GREETING = "query {\n  greeting\n}";

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

	@Test
	void booleanConstructorMapsToEnforceOrOff() {
		assertThat(new OnlyPersistedPolicy(true, List.of()).mode()).isEqualTo(EnforcementMode.ENFORCE);
		assertThat(new OnlyPersistedPolicy(false, List.of()).mode()).isEqualTo(EnforcementMode.OFF);
	}

	@Test
	void onlySafelistAndEnforceModesRefuseNonPersistedDocuments() {
		assertThat(policy(EnforcementMode.OFF, List.of()).isOnlyPersisted()).isFalse();
		assertThat(policy(EnforcementMode.AUDIT, List.of()).isOnlyPersisted()).isFalse();
		assertThat(policy(EnforcementMode.SAFELIST, List.of()).isOnlyPersisted()).isTrue();
		assertThat(policy(EnforcementMode.ENFORCE, List.of()).isOnlyPersisted()).isTrue();
	}

	@Test
	void safelistModeWithoutASafelistIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OnlyPersistedPolicy(EnforcementMode.SAFELIST, List.of(), null, auditor()))
			.withMessageContaining("safelist");
	}

	@Test
	void auditModeWithoutAnAuditorIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OnlyPersistedPolicy(EnforcementMode.AUDIT, List.of(), safelist(), null))
			.withMessageContaining("auditor");
	}

	@Test
	void offAndEnforceModesNeedNeitherSafelistNorAuditor() {
		assertThat(new OnlyPersistedPolicy(EnforcementMode.OFF, List.of(), null, null).mode())
			.isEqualTo(EnforcementMode.OFF);
		assertThat(new OnlyPersistedPolicy(EnforcementMode.ENFORCE, List.of(), null, null).mode())
			.isEqualTo(EnforcementMode.ENFORCE);
	}

	@Test
	void offDecidesSentWithoutAskingOverrides(CapturedOutput output) {
		AtomicInteger asked = new AtomicInteger();
		OnlyPersistedPolicy policy = policy(EnforcementMode.OFF, List.of(counting(asked, false)));
		assertDecides(policy, PersistedOperationOutcome.SENT, true);
		assertThat(asked).hasValue(0);
		assertThat(output).doesNotContain(AUDIT_LINE);
	}

	@Test
	void auditDecidesAuditedReportsTheDocumentAndAsksNoOverride(CapturedOutput output) {
		AtomicInteger asked = new AtomicInteger();
		OnlyPersistedPolicy policy = policy(EnforcementMode.AUDIT, List.of(counting(asked, false)));
		assertDecides(policy, PersistedOperationOutcome.AUDITED, true, new ClientIdentity("ios-app", "4.2.0"));
		assertThat(asked).hasValue(0);
		assertThat(output).contains(AUDIT_LINE).contains("client 'ios-app 4.2.0'");
	}

	@Test
	void safelistDecidesSafelistedWithTheStoredDocumentAndAsksNoOverride() {
		AtomicInteger asked = new AtomicInteger();
		OnlyPersistedPolicy policy = policy(EnforcementMode.SAFELIST, List.of(counting(asked, false)));
		StepVerifier.create(policy.decide(this.request, null)).assertNext((decision) -> {
			assertThat(decision.outcome()).isEqualTo(PersistedOperationOutcome.SAFELISTED);
			assertThat(decision.match()).isEqualTo(new SafelistIndex.Match("greeting", STORED_GREETING));
			assertThat(decision.allowed()).isTrue();
		}).expectComplete().verify(Duration.ofSeconds(5));
		assertThat(asked).hasValue(0);
	}

	@Test
	void safelistWithoutAMatchRefusesWithoutOverrides() {
		assertDecides(policy(EnforcementMode.SAFELIST, List.of()), PersistedOperationOutcome.REFUSED, false,
				request("{ greeting farewell }"));
	}

	@Test
	void safelistWithoutAMatchIsAllowedByAnOverrideThatAllows() {
		assertDecides(policy(EnforcementMode.SAFELIST, List.of((request) -> Mono.just(true))),
				PersistedOperationOutcome.OVERRIDE_ALLOWED, true, request("{ greeting farewell }"));
	}

	@Test
	void safelistWithoutAMatchIsRefusedByAnOverrideThatRefuses() {
		assertDecides(policy(EnforcementMode.SAFELIST, List.of((request) -> Mono.just(false))),
				PersistedOperationOutcome.REFUSED, false, request("{ greeting farewell }"));
	}

	@Test
	void safelistWithoutAMatchAndAFailingOverrideRefuses() {
		NonPersistedOperationOverride failing = (request) -> Mono.error(new IllegalStateException("down"));
		assertDecides(policy(EnforcementMode.SAFELIST, List.of(failing)), PersistedOperationOutcome.REFUSED, false,
				request("{ greeting farewell }"));
	}

	@Test
	void enforceRefusesWithoutOverridesEvenADocumentTheSafelistHolds() {
		OnlyPersistedPolicy policy = new OnlyPersistedPolicy(EnforcementMode.ENFORCE, List.of(), safelist(), null);
		assertDecides(policy, PersistedOperationOutcome.REFUSED, false);
	}

	@Test
	void enforceIsAllowedByAnOverrideThatAllows() {
		assertDecides(policy(EnforcementMode.ENFORCE, List.of((request) -> Mono.just(true))),
				PersistedOperationOutcome.OVERRIDE_ALLOWED, true);
	}

	@Test
	void enforceIsRefusedByAnOverrideThatRefusesOrAnswersNothing() {
		assertDecides(policy(EnforcementMode.ENFORCE, List.of((request) -> Mono.just(false))),
				PersistedOperationOutcome.REFUSED, false);
		assertDecides(policy(EnforcementMode.ENFORCE, List.of((request) -> Mono.empty())),
				PersistedOperationOutcome.REFUSED, false);
	}

	@Test
	void enforceWithAFailingOverrideRefuses() {
		NonPersistedOperationOverride throwing = (request) -> {
			throw new IllegalStateException("down");
		};
		assertDecides(policy(EnforcementMode.ENFORCE, List.of(throwing)), PersistedOperationOutcome.REFUSED, false);
	}

	@Test
	void enforceOverrideSeesTheRequest() {
		List<WebGraphQlRequest> seen = new CopyOnWriteArrayList<>();
		OnlyPersistedPolicy policy = policy(EnforcementMode.ENFORCE, List.of((request) -> {
			seen.add(request);
			return Mono.just(true);
		}));
		assertDecides(policy, PersistedOperationOutcome.OVERRIDE_ALLOWED, true);
		assertThat(seen).containsExactly(this.request);
	}

	private static OnlyPersistedPolicy policy(EnforcementMode mode, List<NonPersistedOperationOverride> overrides) {
		return new OnlyPersistedPolicy(mode, overrides, safelist(), auditor());
	}

	private static SafelistIndex safelist() {
		return new SafelistIndex(() -> Map.of("greeting", STORED_GREETING), 10, 100_000);
	}

	private static NonPersistedDocumentAuditor auditor() {
		return new NonPersistedDocumentAuditor(Duration.ofMinutes(1), 10);
	}

	private static NonPersistedOperationOverride counting(AtomicInteger asked, boolean answer) {
		return (request) -> {
			asked.incrementAndGet();
			return Mono.just(answer);
		};
	}

	private static WebGraphQlRequest request(String document) {
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null, Map.of(),
				Map.of("query", document), "1", null);
	}

	private void assertDecides(OnlyPersistedPolicy policy, PersistedOperationOutcome outcome, boolean allowed) {
		assertDecides(policy, outcome, allowed, this.request);
	}

	private void assertDecides(OnlyPersistedPolicy policy, PersistedOperationOutcome outcome, boolean allowed,
			ClientIdentity client) {
		StepVerifier.create(policy.decide(this.request, client))
			.assertNext((decision) -> assertThat(decision)
				.extracting(OnlyPersistedPolicy.Decision::outcome, OnlyPersistedPolicy.Decision::allowed,
						OnlyPersistedPolicy.Decision::match)
				.containsExactly(outcome, allowed, null))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	private static void assertDecides(OnlyPersistedPolicy policy, PersistedOperationOutcome outcome, boolean allowed,
			WebGraphQlRequest request) {
		StepVerifier.create(policy.decide(request, null))
			.assertNext((decision) -> assertThat(decision)
				.extracting(OnlyPersistedPolicy.Decision::outcome, OnlyPersistedPolicy.Decision::allowed,
						OnlyPersistedPolicy.Decision::match)
				.containsExactly(outcome, allowed, null))
			.expectComplete()
			.verify(Duration.ofSeconds(5));
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
