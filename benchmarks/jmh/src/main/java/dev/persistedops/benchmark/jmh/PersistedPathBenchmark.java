package dev.persistedops.benchmark.jmh;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.InMemoryPersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;
import graphql.language.Document;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.document.OperationId;
import dev.persistedops.execution.GetOperationRule;
import dev.persistedops.execution.PersistedDocumentCache;
import dev.persistedops.execution.PersistedDocumentProvider;
import dev.persistedops.store.DocumentCatalog;
import dev.persistedops.store.HashMismatchAction;
import dev.persistedops.web.GetRequestParameters;
import dev.persistedops.web.GraphQlRequestReader;
import dev.persistedops.web.IdConvention;
import dev.persistedops.web.OnlyPersistedPolicy;
import dev.persistedops.web.OperationIdResolver;
import dev.persistedops.web.PersistedOperationInterceptor;
import dev.persistedops.web.PersistedRequestBody;
import dev.persistedops.web.RequestLimits;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;

/**
 * The in-process hot path of a request by id, step by step, the starter's code
 * ({@code starter*}) against graphql-java's {@link ApolloPersistedQuerySupport} with an
 * {@link InMemoryPersistedQueryCache} ({@code graphqlJava*}) on the same document and
 * hash, both warmed so that neither parses: finding the id, looking the document up, the
 * interceptor with a chain that returns at once, and the whole path from a request body
 * to the parsed document graphql-java executes. Spring builds a {@link WebGraphQlRequest}
 * for every request either way, so the paths that start from a body build one too
 * ({@code springRequest} is that cost alone).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@SuppressWarnings("NullAway.Init")
public class PersistedPathBenchmark {

	private static final URI URL = URI.create("http://localhost/graphql");

	/** The request shape: the trivial {@code book(id)} query or the large one. */
	@Param({ "trivial", "large" })
	public String shape;

	private String hash;

	private Map<String, Object> idBody;

	private Map<String, Object> apolloBody;

	private byte[] idBodyBytes;

	private WebGraphQlRequest idRequest;

	private WebGraphQlRequest apolloRequest;

	private ExecutionInput apolloInput;

	private OperationIdResolver idResolver;

	private PersistedRequestBody requestBody;

	private GraphQlRequestReader requestReader;

	private DocumentCatalog catalog;

	private PersistedOperationInterceptor interceptor;

	private PersistedDocumentProvider documentProvider;

	private WebGraphQlResponse response;

	private ExposedApolloPersistedQuerySupport apq;

	private InMemoryPersistedQueryCache apqCache;

	private Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate;

	@Setup
	public void setUp() {
		String text = resource("/operations/" + this.shape + ".graphql");
		String variables = this.shape.equals("large") ? "{\"id\":\"1\",\"other\":\"2\",\"first\":3}" : "{\"id\":\"1\"}";
		JsonMapper json = JsonMapper.builder().build();
		DocumentHasher hasher = new DocumentHasher(HashAlgorithm.SHA256, HashEncoding.HEX);
		this.hash = hasher.hash(text);
		Map<String, Object> variableMap = json.readValue(variables, Map.class);
		Set<IdConvention> conventions = EnumSet.allOf(IdConvention.class);
		this.requestBody = new PersistedRequestBody(conventions);
		this.requestReader = new GraphQlRequestReader(this.requestBody, new GetRequestParameters(json),
				RequestLimits.none(json), json);
		this.idBody = new LinkedHashMap<>(Map.of("id", this.hash, "variables", variableMap));
		this.idBodyBytes = json.writeValueAsBytes(this.idBody);
		this.apolloBody = new LinkedHashMap<>(Map.of("query", PersistedQuerySupport.PERSISTED_QUERY_MARKER,
				"extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", this.hash)), "variables",
				variableMap));
		// What Spring's own handler makes of a body with only Apollo's hash: the marker
		// as its document.
		this.idRequest = request(this.requestBody.normalize(this.idBody));
		this.apolloRequest = request(this.apolloBody);
		this.apolloInput = this.apolloRequest.toExecutionInput();

		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
				new SchemaParser().parse(resource("/graphql/schema.graphqls")),
				RuntimeWiring.newRuntimeWiring().build());
		this.parseAndValidate = (input) -> {
			Document document = Parser.parse(input.getQuery());
			List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
			return errors.isEmpty() ? new PreparsedDocumentEntry(document) : new PreparsedDocumentEntry(errors);
		};

		this.idResolver = new OperationIdResolver(conventions);
		this.catalog = DocumentCatalog.builder(hasher, HashMismatchAction.FAIL)
			.add(OperationId.of(this.hash), text, "benchmark")
			.build();
		PersistedDocumentCache parsed = new PersistedDocumentCache(10_000);
		this.interceptor = new PersistedOperationInterceptor(this.idResolver, this.catalog,
				new OnlyPersistedPolicy(false, List.of()), new GetOperationRule(parsed));
		this.documentProvider = new PersistedDocumentProvider(parsed, null);
		this.response = new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(this.apolloInput,
				ExecutionResult.newExecutionResult().data(Map.of()).build()));

		this.apqCache = new InMemoryPersistedQueryCache(Map.of(this.hash, text));
		this.apq = new ExposedApolloPersistedQuerySupport(this.apqCache);

		// Both parse once here, so that the measured paths find the parsed document.
		require(starterPersistedPath());
		require(graphqlJavaPersistedPath());
	}

	/** Building Spring's request from a body, which both paths pay. */
	@Benchmark
	public WebGraphQlRequest springRequest() {
		return request(this.apolloBody);
	}

	/** The starter's edge: reading an id-only JSON body into a request body. */
	@Benchmark
	public Map<String, Object> starterEdgeReadBody() {
		return this.requestReader.readBody("application/json", this.idBodyBytes, null);
	}

	/**
	 * The starter's edge: carrying the top-level id of a parsed body to the interceptor.
	 */
	@Benchmark
	public Map<String, Object> starterEdgeNormalize() {
		return this.requestBody.normalize(this.idBody);
	}

	@Benchmark
	public @Nullable OperationId starterIdFromTopLevelId() {
		return this.idResolver.resolve(this.idRequest);
	}

	@Benchmark
	public @Nullable OperationId starterIdFromApolloHash() {
		return this.idResolver.resolve(this.apolloRequest);
	}

	@Benchmark
	public Optional<Object> graphqlJavaIdFromApolloHash() {
		return this.apq.persistedQueryId(this.apolloInput);
	}

	@Benchmark
	public @Nullable String starterStoreLookup() {
		return this.catalog.findDocument(OperationId.of(this.hash)).block();
	}

	@Benchmark
	public PreparsedDocumentEntry graphqlJavaStoreLookup() {
		return this.apqCache
			.getPersistedQueryDocumentAsync(this.hash, this.apolloInput,
					(query) -> this.parseAndValidate.apply(this.apolloInput))
			.join();
	}

	/** The interceptor on a fresh request by id, the chain answering at once. */
	@Benchmark
	public @Nullable WebGraphQlResponse starterInterceptor() {
		WebGraphQlInterceptor.Chain chain = (request) -> Mono.just(this.response);
		return this.interceptor.intercept(request(this.requestBody.normalize(this.idBody)), chain).block();
	}

	/**
	 * From a body by top-level id to the parsed document: the edge's rewrite, Spring's
	 * request, the interceptor, the execution input, the parse-once provider.
	 */
	@Benchmark
	public PreparsedDocumentEntry starterPersistedPath() {
		WebGraphQlRequest request = request(this.requestBody.normalize(this.idBody));
		WebGraphQlInterceptor.Chain chain = (next) -> Mono.just(this.response);
		this.interceptor.intercept(request, chain).block();
		return this.documentProvider.getDocumentAsync(request.toExecutionInput(), this.parseAndValidate).join();
	}

	/**
	 * From a body with Apollo's hash to the parsed document, through graphql-java's APQ.
	 */
	@Benchmark
	public PreparsedDocumentEntry graphqlJavaPersistedPath() {
		WebGraphQlRequest request = request(this.apolloBody);
		return this.apq.getDocumentAsync(request.toExecutionInput(), this.parseAndValidate).join();
	}

	private static WebGraphQlRequest request(Map<String, Object> body) {
		return new WebGraphQlRequest(URL, new HttpHeaders(), null, null, Map.of(), body, "1", Locale.ENGLISH);
	}

	private static void require(PreparsedDocumentEntry entry) {
		if (entry.hasErrors()) {
			throw new IllegalStateException("The document is not valid: " + entry.getErrors());
		}
	}

	private static String resource(String name) {
		try (InputStream input = PersistedPathBenchmark.class.getResourceAsStream(name)) {
			if (input == null) {
				throw new IllegalStateException("Missing resource " + name);
			}
			return new String(input.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * graphql-java's Apollo support with its id extraction made callable.
	 */
	static final class ExposedApolloPersistedQuerySupport extends ApolloPersistedQuerySupport {

		ExposedApolloPersistedQuerySupport(PersistedQueryCache cache) {
			super(cache);
		}

		Optional<Object> persistedQueryId(ExecutionInput input) {
			return getPersistedQueryId(input);
		}

	}

}
