package dev.persistedops.web;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.github.benmanes.caffeine.cache.Ticker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link NonPersistedDocumentAuditor}.
 */
@ExtendWith(OutputCaptureExtension.class)
class NonPersistedDocumentAuditorTests {

	private static final String AUDIT_LINE = "Ran a document that is not persisted (audit)";

	private static final DocumentHasher SHA256 = new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.HEX);

	private static final Duration INTERVAL = Duration.ofMinutes(10);

	private final ManualTicker ticker = new ManualTicker();

	private final NonPersistedDocumentAuditor auditor = new NonPersistedDocumentAuditor(INTERVAL, 1_000, this.ticker);

	@Test
	void lineNamesOperationTypeSha256ClientAndTransport(CapturedOutput output) {
		String document = "query AuditedHero { hero(secret: \"s3cr3t\") { name } }";
		this.auditor.report(request(document, null, Map.of()), new ClientIdentity("ios-app", "4.2.0"));
		assertThat(auditLines(output)).singleElement()
			.satisfies((line) -> assertThat(line).contains("operation 'AuditedHero' (query)")
				.contains("sha256 " + SHA256.hash(document))
				.contains("client 'ios-app 4.2.0'")
				.contains("over http"));
	}

	@Test
	void lineNeverHoldsTheDocumentText(CapturedOutput output) {
		String document = "mutation SetSecret { setSecret(value: \"s3cr3t\") { ok } }";
		this.auditor.report(request(document, null, Map.of()), null);
		assertThat(auditLines(output)).singleElement()
			.satisfies((line) -> assertThat(line).doesNotContain("s3cr3t")
				.doesNotContain("setSecret")
				.doesNotContain("ok }"));
	}

	@Test
	void lineNamesTheOperationTypeOfMutationsAndSubscriptions(CapturedOutput output) {
		this.auditor.report(request("mutation Rename { rename }", null, Map.of()), null);
		this.auditor.report(request("subscription Ticks { ticks }", null, Map.of()), null);
		assertThat(auditLines(output)).hasSize(2)
			.anySatisfy((line) -> assertThat(line).contains("operation 'Rename' (mutation)"))
			.anySatisfy((line) -> assertThat(line).contains("operation 'Ticks' (subscription)"));
	}

	@Test
	void anonymousOperationIsNamedSo(CapturedOutput output) {
		this.auditor.report(request("{ anonymousGreeting }", null, Map.of()), null);
		assertThat(auditLines(output)).singleElement()
			.satisfies((line) -> assertThat(line).contains("operation anonymous (query)"));
	}

	@Test
	void lineNamesTheOperationTheRequestSelects(CapturedOutput output) {
		String document = "query First { a } mutation Second { b }";
		this.auditor.report(request(document, "Second", Map.of()), null);
		assertThat(auditLines(output)).singleElement()
			.satisfies((line) -> assertThat(line).contains("operation 'Second' (mutation)"));
	}

	@Test
	void documentWhoseOperationCannotBeSelectedIsStillReported(CapturedOutput output) {
		this.auditor.report(request("query First { a } query Second { b }", null, Map.of()), null);
		assertThat(auditLines(output)).singleElement()
			.satisfies((line) -> assertThat(line).contains("no operation that the request selects"));
	}

	@Test
	void documentThatDoesNotParseIsStillReported(CapturedOutput output) {
		String document = "query Broken { hero { name }";
		this.auditor.report(request(document, null, Map.of()), null);
		assertThat(auditLines(output)).singleElement()
			.satisfies((line) -> assertThat(line).contains("a document that does not parse")
				.contains("sha256 " + SHA256.hash(document))
				.doesNotContain("hero"));
	}

	@Test
	void requestWithoutAClientNamesNone(CapturedOutput output) {
		this.auditor.report(request("query NoClient { a }", null, Map.of()), null);
		assertThat(auditLines(output)).singleElement().satisfies((line) -> assertThat(line).contains("client unknown"));
	}

	@Test
	void lineNamesTheTransport(CapturedOutput output) {
		this.auditor.report(request("query OverGet { a }", null, Map.of(TransportAttributes.GET, true)), null);
		this.auditor.report(request("query OverSse { a }", null, Map.of(TransportAttributes.EVENT_STREAM, true)), null);
		assertThat(auditLines(output)).hasSize(2)
			.anySatisfy((line) -> assertThat(line).contains("'OverGet'").contains("over get"))
			.anySatisfy((line) -> assertThat(line).contains("'OverSse'").contains("over sse"));
	}

	@Test
	void sameDocumentIsLoggedOncePerInterval(CapturedOutput output) {
		WebGraphQlRequest request = request("query Repeated { a }", null, Map.of());
		for (int i = 0; i < 1_000; i++) {
			this.auditor.report(request, new ClientIdentity("client-" + (i % 7), null));
			this.ticker.advance(Duration.ofMillis(500));
		}
		assertThat(auditLines(output)).hasSize(1);
	}

	@Test
	void distinctDocumentsAreEachLogged(CapturedOutput output) {
		for (int i = 0; i < 20; i++) {
			this.auditor.report(request("query Distinct" + i + " { a }", null, Map.of()), null);
			this.auditor.report(request("query Distinct" + i + " { a }", null, Map.of()), null);
		}
		assertThat(auditLines(output)).hasSize(20);
	}

	@Test
	void documentIsLoggedAgainOnceTheIntervalHasPassed(CapturedOutput output) {
		WebGraphQlRequest request = request("query Expiring { a }", null, Map.of());
		this.auditor.report(request, null);
		this.ticker.advance(INTERVAL.minusSeconds(1));
		this.auditor.report(request, null);
		assertThat(auditLines(output)).hasSize(1);
		this.ticker.advance(Duration.ofSeconds(1));
		this.auditor.report(request, null);
		assertThat(auditLines(output)).hasSize(2);
		this.auditor.report(request, null);
		assertThat(auditLines(output)).hasSize(2);
	}

	@Test
	void intervalMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new NonPersistedDocumentAuditor(Duration.ZERO, 10));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new NonPersistedDocumentAuditor(Duration.ofSeconds(-1), 10));
		assertThatIllegalArgumentException().isThrownBy(() -> new NonPersistedDocumentAuditor(INTERVAL, 0));
	}

	private static List<String> auditLines(CapturedOutput output) {
		return Arrays.stream(output.getOut().split("\\R")).filter((line) -> line.contains(AUDIT_LINE)).toList();
	}

	private static WebGraphQlRequest request(String document, String operationName, Map<String, Object> attributes) {
		Map<String, Object> body = new HashMap<>();
		body.put("query", document);
		if (operationName != null) {
			body.put("operationName", operationName);
		}
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null,
				new HashMap<>(attributes), body, "1", null);
	}

	/**
	 * Time that moves only when the test says so.
	 */
	private static final class ManualTicker implements Ticker {

		private final AtomicLong nanos = new AtomicLong();

		void advance(Duration duration) {
			this.nanos.addAndGet(duration.toNanos());
		}

		@Override
		public long read() {
			return this.nanos.get();
		}

	}

}
