package dev.persistedops.autoconfigure;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.GraphQL;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.execution.GetOperationRule;
import dev.persistedops.execution.PersistedDocumentCache;
import dev.persistedops.execution.PersistedDocumentProvider;
import dev.persistedops.execution.SafelistIndex;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.web.EnforcementMode;
import dev.persistedops.web.GetRequestParameters;
import dev.persistedops.web.GetResponseCachePolicy;
import dev.persistedops.web.GraphQlRequestReader;
import dev.persistedops.web.InvalidGraphQlRequestException;
import dev.persistedops.web.NonPersistedDocumentAuditor;
import dev.persistedops.web.NonPersistedOperationOverride;
import dev.persistedops.web.OnlyPersistedPolicy;
import dev.persistedops.web.OnlyPersistedRSocketInterceptor;
import dev.persistedops.web.OperationIdResolver;
import dev.persistedops.web.PersistedOperationInterceptor;
import dev.persistedops.web.PersistedRequestBody;
import dev.persistedops.web.RequestLimits;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.graphql.autoconfigure.GraphQlAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PersistedOperationsAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersistedOperationsAutoConfigurationTests {

	private static final String FIXTURES = "classpath:/autoconfig-fixtures/";

	private static final String DOCUMENTS = "persisted-ops.store.filesystem.locations=" + FIXTURES + "documents/";

	private static final String TAMPERED_SHA256 = "7420949d383561875d216ad39c4da487de6ffb1b4dad2cbf2cdfedb5641a5a7b";

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, GraphQlAutoConfiguration.class,
				PersistedOperationsStoreAutoConfiguration.class, PersistedOperationsAutoConfiguration.class))
		.withPropertyValues(DOCUMENTS);

	@Test
	void definesTheDefaultBeans() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(PersistedOperationInterceptor.class)
				.hasSingleBean(OperationIdResolver.class)
				.hasSingleBean(OnlyPersistedPolicy.class)
				.hasSingleBean(PersistedDocumentCache.class)
				.hasSingleBean(GetOperationRule.class)
				.hasSingleBean(PersistedRequestBody.class)
				.hasSingleBean(GetRequestParameters.class)
				.hasSingleBean(DocumentHasher.class);
			assertThat(context).getBean(OperationDocumentStore.class).isInstanceOf(DocumentCatalog.class);
			assertThat(context.getBean(OnlyPersistedPolicy.class).isOnlyPersisted()).isFalse();
			assertThat(context.getBean(DocumentHasher.class).algorithm()).isEqualTo(HashAlgorithm.MD5);
		});
	}

	@Test
	void installsTheParseOnceProviderInGraphQl() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(GraphQlSource.class).graphQl().getPreparsedDocumentProvider())
				.isInstanceOf(PersistedDocumentProvider.class));
	}

	@Test
	void applicationPreparsedDocumentProviderBeanStillServesDocumentsThatWereNotPersisted() {
		AtomicInteger asked = new AtomicInteger();
		PreparsedDocumentProvider applicationProvider = (input, parseAndValidate) -> {
			asked.incrementAndGet();
			return CompletableFuture.completedFuture(parseAndValidate.apply(input));
		};
		this.contextRunner.withBean(PreparsedDocumentProvider.class, () -> applicationProvider).run((context) -> {
			GraphQL graphQl = context.getBean(GraphQlSource.class).graphQl();
			assertThat(graphQl.getPreparsedDocumentProvider()).isInstanceOf(PersistedDocumentProvider.class);
			graphQl.execute("{ greeting }");
			assertThat(asked).hasValue(1);
		});
	}

	@Test
	void guardsGraphQlOverRSocketWhenRSocketIsPresent() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(OnlyPersistedRSocketInterceptor.class));
		this.contextRunner.withClassLoader(new FilteredClassLoader("io.rsocket"))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(OnlyPersistedRSocketInterceptor.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("persisted-ops.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed()
				.doesNotHaveBean(PersistedOperationInterceptor.class)
				.doesNotHaveBean(OperationDocumentStore.class);
			assertThat(context.getBean(GraphQlSource.class).graphQl().getPreparsedDocumentProvider())
				.isNotInstanceOf(PersistedDocumentProvider.class);
		});
	}

	@Test
	void backsOffWithoutAGraphQlSchema() {
		this.contextRunner.withPropertyValues("spring.graphql.schema.locations=classpath:/no-such-schemas/")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(PersistedOperationInterceptor.class));
	}

	@Test
	void onlyPersistedPropertyTurnsThePolicyOn() {
		this.contextRunner.withPropertyValues("persisted-ops.only-persisted=true")
			.run((context) -> assertThat(context.getBean(OnlyPersistedPolicy.class).isOnlyPersisted()).isTrue());
	}

	@Test
	void overrideBeanIsAskedByThePolicy() {
		this.contextRunner.withPropertyValues("persisted-ops.only-persisted=true")
			.withBean(NonPersistedOperationOverride.class, () -> (request) -> Mono.just(true))
			.run((context) -> assertThat(context.getBean(OnlyPersistedPolicy.class)
				.allowsDocument(request(Map.of("query", "{ greeting }")))
				.block(Duration.ofSeconds(5))).isTrue());
	}

	@Test
	void idConventionsPropertyLimitsWhereIdsAreRead() {
		this.contextRunner.withPropertyValues("persisted-ops.id-conventions=id,document-id").run((context) -> {
			OperationIdResolver resolver = context.getBean(OperationIdResolver.class);
			PersistedRequestBody body = context.getBean(PersistedRequestBody.class);
			assertThat(resolver.resolve(request(body.normalize(Map.of("documentId", "abc"))))).isNotNull();
			assertThat(body.normalize(Map.of("doc_id", "abc"))).doesNotContainKey("query");
			assertThat(resolver.resolve(request(Map.of("query", "{ greeting }", "extensions",
					Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", TAMPERED_SHA256))))))
				.isNull();
		});
	}

	@Test
	void misspeltKeyFailsStartupNamingTheClosestProperty() {
		this.contextRunner.withPropertyValues("persisted-ops.only-persited=true").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new UnknownPropertyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("persisted-ops.only-persited")
				.contains("did you mean persisted-ops.only-persisted?");
		});
	}

	@Test
	void misspeltNestedKeyFailsStartupNamingTheClosestProperty() {
		this.contextRunner.withPropertyValues("persisted-ops.enforcement.mdoe=enforce").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new UnknownPropertyFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("did you mean persisted-ops.enforcement.mode?");
		});
	}

	@Test
	void javaClientKeysAreAcceptedByTheServer() {
		this.contextRunner.withPropertyValues("persisted-ops.client.apq=true", "persisted-ops.client.convention=doc-id")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void unknownKeyOfAnotherPrefixIsLeftToSpringBoot() {
		this.contextRunner.withPropertyValues("spring.graphql.unknown=x")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void onlyPersistedStillEnforces() {
		this.contextRunner.withPropertyValues("persisted-ops.only-persisted=true")
			.run((context) -> assertThat(context.getBean(OnlyPersistedPolicy.class).mode())
				.isEqualTo(EnforcementMode.ENFORCE));
	}

	@Test
	void onlyPersistedIsDeclaredDeprecatedWithEnforcementModeAsItsReplacement() throws Exception {
		JsonNode metadata;
		try (InputStream input = new ClassPathResource("META-INF/spring-configuration-metadata.json")
			.getInputStream()) {
			metadata = JsonMapper.shared().readTree(input);
		}
		JsonNode onlyPersisted = null;
		for (JsonNode property : metadata.path("properties")) {
			if ("persisted-ops.only-persisted".equals(property.path("name").asString(""))) {
				onlyPersisted = property;
			}
		}
		assertThat(onlyPersisted).isNotNull();
		assertThat(onlyPersisted.path("deprecated").asBoolean(false)).isTrue();
		assertThat(onlyPersisted.path("deprecation").path("replacement").asString(""))
			.isEqualTo("persisted-ops.enforcement.mode");
	}

	@Test
	void onlyPersistedContradictingAnotherModeFailsStartupNamingBoth() {
		this.contextRunner
			.withPropertyValues("persisted-ops.only-persisted=true", "persisted-ops.enforcement.mode=audit")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("persisted-ops.only-persisted")
				.hasMessageContaining("persisted-ops.enforcement.mode=audit"));
	}

	@Test
	void enforcementModePropertyChoosesTheMode() {
		this.contextRunner.withPropertyValues("persisted-ops.enforcement.mode=audit").run((context) -> {
			assertThat(context.getBean(OnlyPersistedPolicy.class).mode()).isEqualTo(EnforcementMode.AUDIT);
			assertThat(context).hasSingleBean(NonPersistedDocumentAuditor.class).doesNotHaveBean(SafelistIndex.class);
		});
		this.contextRunner.withPropertyValues("persisted-ops.enforcement.mode=safelist").run((context) -> {
			assertThat(context.getBean(OnlyPersistedPolicy.class).mode()).isEqualTo(EnforcementMode.SAFELIST);
			assertThat(context).hasSingleBean(SafelistIndex.class).doesNotHaveBean(NonPersistedDocumentAuditor.class);
		});
		this.contextRunner.run((context) -> {
			assertThat(context.getBean(OnlyPersistedPolicy.class).mode()).isEqualTo(EnforcementMode.OFF);
			assertThat(context).doesNotHaveBean(SafelistIndex.class).doesNotHaveBean(NonPersistedDocumentAuditor.class);
		});
	}

	@Test
	void startsWithoutSpringSecurityOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security"))
			.withPropertyValues("persisted-ops.enforcement.mode=enforce")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(PersistedOperationInterceptor.class));
	}

	@Test
	void startupSummaryIsLoggedOnceWithWhatIsInForce(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("persisted-ops.enforcement.mode=safelist", "persisted-ops.apq.enabled=true")
			.withBean(NonPersistedOperationOverride.class, () -> (request) -> Mono.just(false))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				List<String> lines = output.getAll()
					.lines()
					.filter((line) -> line.contains("Persisted operations: "))
					.toList();
				assertThat(lines).singleElement()
					.satisfies((line) -> assertThat(line)
						.contains("filesystem store, 2 documents from [" + FIXTURES + "documents/]")
						.contains("ids hex digests checked as md5, sha1 or sha256 by length")
						.contains("a mismatch fails startup")
						.contains("enforcement safelist")
						.contains("automatic persisted queries on")
						.contains("1 override bean")
						.contains("publishing off"));
			});
	}

	@Test
	void startupSummarySaysWhenFilesAreReadOnFirstUseAndWhatAMismatchThenDoes(CapturedOutput output) {
		this.contextRunner.withPropertyValues("persisted-ops.store.filesystem.read=on-first-use").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output)
				.contains("filesystem store, 2 documents from [" + FIXTURES
						+ "documents/] (listed at startup, each read on its first use)")
				.contains("a mismatch is not served")
				.doesNotContain("a mismatch fails startup");
		});
	}

	@Test
	void filesFoundByIdAreNotListedAtStartupAndTheSummarySaysSo(CapturedOutput output) {
		this.contextRunner.withPropertyValues("persisted-ops.store.filesystem.read=on-first-use-unlisted")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output)
					.contains("filesystem store from [" + FIXTURES
							+ "documents/] (not listed at startup, each found by id and read on its first use)")
					.contains("a mismatch is not served");
				DocumentCatalog catalog = context.getBean(DocumentCatalog.class);
				// The schema check (warn mode) waits for the application to be ready.
				assertThat(catalog.isListed()).isFalse();
				assertThat(catalog.size()).isEqualTo(2);
				assertThat(catalog.isListed()).isTrue();
			});
	}

	@Test
	void httpLimitsAndCachePolicyFollowTheirProperties() {
		this.contextRunner
			.withPropertyValues("persisted-ops.http.max-body-size=2KB", "persisted-ops.http.max-variables-depth=2",
					"persisted-ops.http.cache.cache-control=public, max-age=5")
			.run((context) -> {
				assertThat(context).hasSingleBean(GraphQlRequestReader.class)
					.hasSingleBean(GetResponseCachePolicy.class);
				RequestLimits limits = context.getBean(GraphQlRequestReader.class).limits();
				assertThat(limits.maxBodyBytes()).isEqualTo(2048);
				assertThatExceptionOfType(InvalidGraphQlRequestException.class)
					.isThrownBy(() -> limits.checkVariables(Map.of("variables", Map.of("a", Map.of("b", Map.of())))));
			});
	}

	@Test
	void bodyLimitOutOfRangeFailsStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("persisted-ops.http.max-body-size=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("persisted-ops.http.max-body-size"));
		this.contextRunner.withPropertyValues("persisted-ops.http.max-variables-depth=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("persisted-ops.http.max-variables-depth"));
	}

	private static WebGraphQlRequest request(Map<String, Object> body) {
		return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null, Map.of(),
				body, "1", null);
	}

}
