package dev.persistedops.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Hooks;
import reactor.core.publisher.Mono;

import dev.persistedops.document.OperationId;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link ResilientOperationDocumentStore} in front of an in-memory store that
 * counts lookups and can be made to fail, with the outage gate on a clock the test moves.
 * The behaviour against a real Redis is in {@code RedisCachingIntegrationTests}.
 */
@ExtendWith(OutputCaptureExtension.class)
class ResilientOperationDocumentStoreTests {

	private static final ResilientOperationDocumentStore.Settings SETTINGS = new ResilientOperationDocumentStore.Settings(
			Duration.ofMillis(300), Duration.ofMillis(300), 256);

	private static final Pattern LOG_RECORD_START = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T)?\\d{2}:\\d{2}:\\d{2}");

	private final CountingDocumentStore remote = new CountingDocumentStore();

	private final TestTime time = new TestTime();

	private final ResilientOperationDocumentStore store = new ResilientOperationDocumentStore(this.remote, SETTINGS,
			this.time);

	@AfterEach
	void close() {
		this.store.close();
	}

	private static OperationId id(String value) {
		return OperationId.of(value);
	}

	private String find(String id) {
		return this.store.findDocument(id(id)).block();
	}

	@Test
	void lookupThatTakesTooLongFailsAtTheTimeout() {
		this.remote.hang = true;
		long started = System.nanoTime();
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("slow"));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void afterAnOutageLookupsFailAtOnceUntilTheRetryIntervalHasPassed() {
		this.remote.save(id("a"), "query A { a }");
		this.remote.failing = true;
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("a"));
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("a"));
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("b"));
		assertThat(this.remote.lookups).hasValue(1);
		this.remote.failing = false;
		this.time.advance(Duration.ofMillis(400));
		assertThat(find("a")).isEqualTo("query A { a }");
		assertThat(find("b")).isNull();
	}

	@Test
	void afterTheRetryIntervalOneProbeGoesToTheStoreWhileOthersStillFail() {
		this.remote.failing = true;
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("a"));
		this.time.advance(Duration.ofMillis(400));
		this.remote.failing = false;
		this.remote.delay = Duration.ofMillis(150);
		int before = this.remote.lookups.get();
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		Flux.range(0, 20).flatMap((i) -> this.store.findDocument(id("id" + i)).onErrorResume((ex) -> {
			failures.add(ex);
			return Mono.empty();
		}), 20).blockLast(Duration.ofSeconds(5));
		assertThat(this.remote.lookups.get() - before).isEqualTo(1);
		assertThat(failures).hasSize(19).allMatch(StoreUnavailableException.class::isInstance);
		assertThat(find("another")).isNull();
	}

	@Test
	void errorThatIsNotAnOutageFailsOnlyThatLookup() {
		this.remote.save(id("b"), "query B { b }");
		this.remote.dataError = true;
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> find("a"));
		this.remote.dataError = false;
		assertThat(find("b")).isEqualTo("query B { b }");
	}

	@Test
	void lookupsOverTheConcurrencyLimitFailAtOnce() {
		ResilientOperationDocumentStore limited = new ResilientOperationDocumentStore(this.remote,
				new ResilientOperationDocumentStore.Settings(Duration.ofSeconds(5), Duration.ofMillis(300), 2),
				this.time);
		try {
			this.remote.delay = Duration.ofMillis(300);
			List<Throwable> failures = new CopyOnWriteArrayList<>();
			Flux.range(0, 5).flatMap((i) -> limited.findDocument(id("id" + i)).onErrorResume((ex) -> {
				failures.add(ex);
				return Mono.empty();
			}), 5).blockLast(Duration.ofSeconds(5));
			assertThat(this.remote.lookups).hasValue(2);
			assertThat(failures).hasSize(3).allMatch(StoreUnavailableException.class::isInstance);
		}
		finally {
			limited.close();
		}
	}

	@Test
	void storeThatBlocksTheCallingThreadDoesNotBlockTheCaller() {
		this.remote.blockOnCall = true;
		long started = System.nanoTime();
		Mono<String> lookup = this.store.findDocument(id("blocking")).cache();
		lookup.subscribe((text) -> {
		}, (ex) -> {
		});
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> lookup.block(Duration.ofSeconds(1)));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_000));
	}

	@Test
	void saveThatTakesTooLongFailsAtTheTimeoutAndOpensTheGateForLookupsToo() {
		this.remote.hang = true;
		long started = System.nanoTime();
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> this.store.save(id("a"), "query A { a }", null).block());
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
		this.remote.hang = false;
		int lookups = this.remote.lookups.get();
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("a"));
		assertThat(this.remote.lookups).hasValue(lookups);
	}

	@Test
	void afterAnOutageSavesFailAtOnceUntilTheRetryIntervalHasPassed() {
		this.remote.failing = true;
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("a"));
		this.remote.failing = false;
		assertThatExceptionOfType(StoreUnavailableException.class)
			.isThrownBy(() -> this.store.save(id("a"), "query A { a }", null).block());
		assertThat(this.remote.saves).hasValue(0);
		this.time.advance(Duration.ofMillis(400));
		assertThat(this.store.save(id("a"), "query A { a }", null).block()).isEqualTo(SaveOutcome.CREATED);
		assertThat(find("a")).isEqualTo("query A { a }");
	}

	@Test
	void savesAndLookupsShareTheConcurrencyLimit() {
		ResilientOperationDocumentStore limited = new ResilientOperationDocumentStore(this.remote,
				new ResilientOperationDocumentStore.Settings(Duration.ofSeconds(5), Duration.ofMillis(300), 2),
				this.time);
		try {
			this.remote.delay = Duration.ofMillis(300);
			List<Throwable> failures = new CopyOnWriteArrayList<>();
			Flux.range(0, 4)
				.flatMap((i) -> ((i % 2 == 0) ? limited.findDocument(id("id" + i))
						: limited.save(id("id" + i), "query Q { q }", null).then(Mono.<String>empty()))
					.onErrorResume((ex) -> {
						failures.add(ex);
						return Mono.empty();
					}), 4)
				.blockLast(Duration.ofSeconds(5));
			assertThat(this.remote.lookups.get() + this.remote.saves.get()).isEqualTo(2);
			assertThat(failures).hasSize(2).allMatch(StoreUnavailableException.class::isInstance);
		}
		finally {
			limited.close();
		}
	}

	@Test
	void callThatTimedOutKeepsItsPermitUntilTheStoreAnswers() {
		ResilientOperationDocumentStore limited = new ResilientOperationDocumentStore(this.remote,
				new ResilientOperationDocumentStore.Settings(Duration.ofMillis(100), Duration.ZERO, 1), this.time);
		try {
			this.remote.delay = Duration.ofMillis(600);
			assertThatExceptionOfType(StoreUnavailableException.class)
				.isThrownBy(() -> limited.findDocument(id("slow")).block());
			// The first call is still in flight at the store: no second one is sent.
			assertThatExceptionOfType(StoreUnavailableException.class)
				.isThrownBy(() -> limited.findDocument(id("other")).block())
				.withMessageContaining("Too many");
			assertThat(this.remote.lookups).hasValue(1);
			this.remote.delay = null;
			Awaitility.await()
				.atMost(Duration.ofSeconds(5))
				.ignoreExceptions()
				.untilAsserted(() -> assertThat(limited.findDocument(id("other")).block()).isNull());
		}
		finally {
			limited.close();
		}
	}

	@Test
	void lateFailureOfACallThatTimedOutIsTakenInNotDropped() {
		List<Throwable> dropped = new CopyOnWriteArrayList<>();
		Hooks.onErrorDropped(dropped::add);
		try {
			this.remote.delay = Duration.ofMillis(500);
			this.remote.failLate = true;
			assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("late"));
			Awaitility.await().pollDelay(Duration.ofMillis(700)).until(() -> true);
			assertThat(dropped).isEmpty();
		}
		finally {
			Hooks.resetOnErrorDropped();
		}
	}

	@Test
	void unavailabilitySaysWhenToAskAgain() {
		this.remote.failing = true;
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("a"))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMillis(300)));
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("b"))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMillis(300)));
	}

	@Test
	void callsMadeWhileTheConnectionOpensWaitForItWithinTheirTimeout() {
		this.remote.save(id("a"), "query A { a }");
		this.remote.connectDelay = Duration.ofMillis(150);
		this.store.startConnecting();
		assertThat(find("a")).isEqualTo("query A { a }");
	}

	@Test
	void connectionSlowToOpenFailsTheCallsThatWaitTooLongButDoesNotOpenTheGate() {
		this.remote.save(id("a"), "query A { a }");
		this.remote.connectDelay = Duration.ofMillis(600);
		this.store.startConnecting();
		assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("a"))
			.withMessageContaining("still being opened");
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.ignoreExceptions()
			.untilAsserted(() -> assertThat(find("a")).isEqualTo("query A { a }"));
		// No retry interval passed on the test's clock: the gate never opened.
		assertThat(this.time.instant()).isEqualTo(Instant.EPOCH);
	}

	@Test
	void outageIsLoggedOnceInOneLineAndRecoveryOnce(CapturedOutput output) {
		this.remote.failing = true;
		for (int i = 0; i < 20; i++) {
			assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> find("a"));
			this.time.advance(Duration.ofMillis(400));
		}
		this.remote.failing = false;
		assertThat(find("a")).isNull();
		assertThat(find("b")).isNull();
		List<List<String>> records = recordsOfTheStore(output);
		assertThat(records).hasSize(2).allSatisfy((record) -> assertThat(record).hasSize(1));
		assertThat(records.get(0).get(0)).contains("WARN").contains("unavailable (remote store is down)");
		assertThat(records.get(1).get(0)).contains("INFO").contains("answers again");
	}

	/**
	 * The log records of the store under test, each with the lines that follow it up to
	 * the next record (a stack trace's, if one was logged). The records of other loggers
	 * are left out: the output is the whole JVM's, and a client closed by an earlier test
	 * may still log while this one runs. A record starts with its time, with or without
	 * the date (Spring Boot's pattern, or Logback's default when the test runs alone).
	 */
	private static List<List<String>> recordsOfTheStore(CapturedOutput output) {
		List<List<String>> records = new ArrayList<>();
		List<String> record = null;
		for (String line : output.getOut().lines().toList()) {
			if (LOG_RECORD_START.matcher(line).lookingAt()) {
				record = null;
				if (line.contains(ResilientOperationDocumentStore.class.getSimpleName())) {
					record = new ArrayList<>();
					records.add(record);
				}
			}
			if (record != null) {
				record.add(line);
			}
		}
		return records;
	}

	@Test
	void settingsThatBreakABoundAreRefused() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> new ResilientOperationDocumentStore.Settings(Duration.ZERO, Duration.ofSeconds(1), 1))
			.withMessageContaining("timeout");
	}

}
