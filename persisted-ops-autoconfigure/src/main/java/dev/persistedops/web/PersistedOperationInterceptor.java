package dev.persistedops.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import dev.persistedops.document.InvalidOperationIdException;
import dev.persistedops.document.OperationId;
import dev.persistedops.execution.GetOperationRule;
import dev.persistedops.execution.PersistedDocumentProvider;
import dev.persistedops.execution.SafelistIndex;
import dev.persistedops.store.ImmediateAnswer;
import dev.persistedops.store.OperationDocumentStore;
import dev.persistedops.store.StoreUnavailableException;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpMethod;
import org.springframework.util.Assert;
import org.springframework.web.server.MethodNotAllowedException;

/**
 * Swaps an operation id for the stored document, and enforces only-persisted mode.
 * <ul>
 * <li>A request that names an id runs the stored document, or gets
 * {@code PersistedQueryNotFound}. If it also sent a document, that text must be the
 * stored one: the id decides what runs, and a different text is refused.</li>
 * <li>A request that sent only a document runs it if the {@link OnlyPersistedPolicy}
 * allows.</li>
 * <li>A GET request (marked by the HTTP edge) runs only queries, stored or sent; anything
 * else is answered with 405.</li>
 * </ul>
 * It runs early in the chain ({@link #ORDER}). It swaps the document with
 * {@link WebGraphQlRequest#configureExecutionInput}, so the request keeps what the client
 * sent ({@code getDocument()} is a placeholder for an id-only request) and keeps whatever
 * earlier interceptors configured; {@code request.toExecutionInput().getQuery()} is what
 * will run.
 */
public class PersistedOperationInterceptor implements WebGraphQlInterceptor, Ordered {

	/** The order of this interceptor: ahead of the application's own interceptors. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private static final Log logger = LogFactory.getLog(PersistedOperationInterceptor.class);

	/** How often, at most, a failure of a store that is not an outage is logged. */
	private static final long STORE_FAILURE_WARNING_INTERVAL = Duration.ofMinutes(1).toNanos();

	private static final ClientIdentityResolver NO_CLIENT_IDENTITY = new ClientIdentityResolver(List.of(), List.of(),
			1);

	private final OperationIdResolver idResolver;

	private final OperationDocumentStore store;

	private final OnlyPersistedPolicy policy;

	private final GetOperationRule getRule;

	private final @Nullable AutomaticPersistedQueries apq;

	private final ClientIdentityResolver clientIdentities;

	private final List<PersistedOperationListener> listeners;

	private final AtomicLong lastStoreFailureWarning = new AtomicLong(
			System.nanoTime() - STORE_FAILURE_WARNING_INTERVAL);

	private final AtomicLong storeFailuresNotLogged = new AtomicLong();

	public PersistedOperationInterceptor(OperationIdResolver idResolver, OperationDocumentStore store,
			OnlyPersistedPolicy policy, GetOperationRule getRule) {
		this(idResolver, store, policy, getRule, null);
	}

	public PersistedOperationInterceptor(OperationIdResolver idResolver, OperationDocumentStore store,
			OnlyPersistedPolicy policy, GetOperationRule getRule, @Nullable AutomaticPersistedQueries apq) {
		this(idResolver, store, policy, getRule, apq, NO_CLIENT_IDENTITY, List.of());
	}

	/**
	 * Create an interceptor.
	 * @param idResolver finds the id in a request
	 * @param store where documents are looked up
	 * @param policy decides what happens to a sent document
	 * @param getRule decides what a GET request may run
	 * @param apq automatic persisted queries, or {@code null} when they are off
	 * @param clientIdentities reads the client a request names
	 * @param listeners told of every decision
	 */
	public PersistedOperationInterceptor(OperationIdResolver idResolver, OperationDocumentStore store,
			OnlyPersistedPolicy policy, GetOperationRule getRule, @Nullable AutomaticPersistedQueries apq,
			ClientIdentityResolver clientIdentities, List<PersistedOperationListener> listeners) {
		Assert.notNull(idResolver, "idResolver is required");
		Assert.notNull(store, "store is required");
		Assert.notNull(policy, "policy is required");
		Assert.notNull(getRule, "getRule is required");
		Assert.notNull(clientIdentities, "clientIdentities is required");
		Assert.notNull(listeners, "listeners is required");
		this.idResolver = idResolver;
		this.store = store;
		this.policy = policy;
		this.getRule = getRule;
		this.apq = apq;
		this.clientIdentities = clientIdentities;
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		ClientIdentity client = this.clientIdentities.resolve(request);
		OperationId id;
		try {
			id = this.idResolver.resolve(request);
		}
		catch (InvalidOperationIdException ex) {
			return refuse(request, client, null, PersistedOperationOutcome.ID_INVALID,
					PersistedOperationError.ID_INVALID.toResponse(request, ex.getMessage()));
		}
		if (id == null) {
			return runSentDocument(request, client, chain);
		}
		AutomaticPersistedQueries apq = this.apq;
		boolean registration = apq != null && AutomaticPersistedQueries.isRegistration(request);
		WebGraphQlResponse refusal = (apq != null && registration) ? apq.refusal(request, id) : null;
		if (refusal != null) {
			PersistedOperationOutcome outcome = PersistedOperationError.HASH_MISMATCH.matches(refusal)
					? PersistedOperationOutcome.DOCUMENT_MISMATCH : PersistedOperationOutcome.ID_INVALID;
			return refuse(request, client, id, outcome, refusal);
		}
		Mono<String> found = findDocument(id);
		// A document the store holds in memory is run at once, without a pipeline.
		ImmediateAnswer<String> answer = ImmediateAnswer.of(found);
		if (answer != null) {
			String text = answer.value();
			return act(request, client, id, registration, chain, (text != null) ? Lookup.found(text) : Lookup.MISSING);
		}
		return found.map(Lookup::found).defaultIfEmpty(Lookup.MISSING).onErrorResume((ex) -> {
			// An outage is logged once by the store; other failures at most once a
			// minute.
			if (ex instanceof StoreUnavailableException) {
				logger.debug("The persisted document store could not look up '" + id + "'", ex);
			}
			else {
				warnOfStoreFailure(id, ex);
			}
			return Mono.just(Lookup.unavailable(ex));
		}).flatMap((lookup) -> act(request, client, id, registration, chain, lookup));
	}

	private Mono<String> findDocument(OperationId id) {
		try {
			return this.store.findDocument(id);
		}
		catch (RuntimeException ex) {
			return Mono.error(ex);
		}
	}

	private Mono<WebGraphQlResponse> act(WebGraphQlRequest request, @Nullable ClientIdentity client, OperationId id,
			boolean registration, Chain chain, Lookup lookup) {
		return switch (lookup.outcome()) {
			case FOUND -> runStoredDocument(request, client, id, lookup.text(), chain);
			case MISSING -> registration ? register(request, client, id, chain) : notFound(request, client, id);
			case UNAVAILABLE -> refuse(request, client, id, PersistedOperationOutcome.STORE_UNAVAILABLE,
					PersistedOperationError.storeUnavailable(request, lookup.failure()));
		};
	}

	private Mono<WebGraphQlResponse> runSentDocument(WebGraphQlRequest request, @Nullable ClientIdentity client,
			Chain chain) {
		if (PersistedRequestBody.isPlaceholder(request.getDocument())) {
			return refuse(request, client, null, PersistedOperationOutcome.ID_INVALID,
					PersistedOperationError.ID_INVALID.toResponse(request,
							"The request carries neither a document nor an operation id"));
		}
		if (!allowedOverGet(request, request.getDocument())) {
			return Mono.error(getNotAllowed());
		}
		Mono<OnlyPersistedPolicy.Decision> decision = this.policy.decide(request, client);
		// Most decisions need no waiting (all but an override's): acted on at once.
		ImmediateAnswer<OnlyPersistedPolicy.Decision> answer = ImmediateAnswer.of(decision);
		OnlyPersistedPolicy.Decision decided = (answer != null) ? answer.value() : null;
		if (decided != null) {
			return runSentDocument(request, client, decided, chain);
		}
		return decision.flatMap((made) -> runSentDocument(request, client, made, chain));
	}

	private Mono<WebGraphQlResponse> runSentDocument(WebGraphQlRequest request, @Nullable ClientIdentity client,
			OnlyPersistedPolicy.Decision decision, Chain chain) {
		SafelistIndex.Match match = decision.match();
		if (match != null) {
			return run(request, client, OperationId.of(match.key()), match.text(), PersistedOperationOutcome.SAFELISTED,
					chain);
		}
		if (!decision.allowed()) {
			return refuse(request, client, null, decision.outcome(),
					PersistedOperationError.ONLY_PERSISTED.toResponse(request));
		}
		emit(request, client, decision.outcome(), null);
		return chain.next(request);
	}

	private Mono<WebGraphQlResponse> runStoredDocument(WebGraphQlRequest request, @Nullable ClientIdentity client,
			OperationId id, String text, Chain chain) {
		String sent = request.getDocument();
		if (!PersistedRequestBody.isPlaceholder(sent) && !sent.equals(text)) {
			return refuse(request, client, id, PersistedOperationOutcome.DOCUMENT_MISMATCH,
					PersistedOperationError.DOCUMENT_MISMATCH.toResponse(request));
		}
		if (!allowedOverGet(request, text)) {
			return Mono.error(getNotAllowed());
		}
		return run(request, client, id, text, PersistedOperationOutcome.PERSISTED, chain);
	}

	/**
	 * Run a stored document: the request keeps what the client sent, what executes is the
	 * stored document, marked as persisted so that it is parsed and validated once.
	 */
	private Mono<WebGraphQlResponse> run(WebGraphQlRequest request, @Nullable ClientIdentity client, OperationId id,
			String text, PersistedOperationOutcome outcome, Chain chain) {
		Map<String, Object> extensions = PersistedRequestBody.withoutIdCarrier(request.getExtensions());
		request.configureExecutionInput((input, builder) -> builder.query(text)
			.extensions(extensions)
			.graphQLContext(Map.of(PersistedDocumentProvider.PERSISTED_ID_KEY, id.value()))
			.build());
		emit(request, client, outcome, id);
		return chain.next(request);
	}

	/**
	 * Run a document a client registers, which is a document sent like any other: it runs
	 * only if the policy allows. A valid one is stored, then runs as the persisted
	 * document it now is; if the store is unavailable, nothing runs and the answer is
	 * {@code PERSISTED_QUERY_STORE_UNAVAILABLE}. One that is not valid runs unmarked,
	 * reports its errors, and is dropped.
	 */
	private Mono<WebGraphQlResponse> register(WebGraphQlRequest request, @Nullable ClientIdentity client,
			OperationId id, Chain chain) {
		AutomaticPersistedQueries apq = this.apq;
		Assert.state(apq != null, "Automatic persisted queries are off");
		String text = request.getDocument();
		return this.policy.decide(request, client).flatMap((decision) -> {
			if (!decision.allowed()) {
				return refuse(request, client, id, decision.outcome(),
						PersistedOperationError.ONLY_PERSISTED.toResponse(request));
			}
			if (!allowedOverGet(request, text)) {
				return Mono.error(getNotAllowed());
			}
			if (!apq.isValid(text)) {
				emit(request, client, decision.outcome(), null);
				return chain.next(request);
			}
			return apq.store(id, text)
				.then(Mono.defer(() -> run(request, client, id, text, PersistedOperationOutcome.APQ_REGISTERED, chain)))
				.onErrorResume(StoreUnavailableException.class,
						(ex) -> refuse(request, client, id, PersistedOperationOutcome.STORE_UNAVAILABLE,
								PersistedOperationError.storeUnavailable(request, ex)));
		});
	}

	/**
	 * With automatic persisted queries off, a miss on an Apollo hash is answered as
	 * Apollo Server answers it, {@code PersistedQueryNotSupported}: Apollo Client then
	 * stops hashing and sends plain documents (it only looks at the answer to the hash
	 * alone).
	 */
	private Mono<WebGraphQlResponse> notFound(WebGraphQlRequest request, @Nullable ClientIdentity client,
			OperationId id) {
		boolean apolloHash = request.getExtensions().get("persistedQuery") instanceof Map<?, ?>;
		PersistedOperationError error = (this.apq == null && apolloHash) ? PersistedOperationError.NOT_SUPPORTED
				: PersistedOperationError.NOT_FOUND;
		return refuse(request, client, id, PersistedOperationOutcome.NOT_FOUND, error.toResponse(request));
	}

	private Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, @Nullable ClientIdentity client,
			@Nullable OperationId id, PersistedOperationOutcome outcome, WebGraphQlResponse response) {
		emit(request, client, outcome, id);
		return Mono.just(response);
	}

	private void warnOfStoreFailure(OperationId id, Throwable ex) {
		long now = System.nanoTime();
		long last = this.lastStoreFailureWarning.get();
		if (now - last < STORE_FAILURE_WARNING_INTERVAL || !this.lastStoreFailureWarning.compareAndSet(last, now)) {
			this.storeFailuresNotLogged.incrementAndGet();
			logger.debug("The persisted document store failed to look up '" + id + "'", ex);
			return;
		}
		long notLogged = this.storeFailuresNotLogged.getAndSet(0);
		logger.warn(
				"The persisted document store failed to look up '" + id + "': " + String.valueOf(ex).replace('\n', ' ')
						+ ((notLogged > 0) ? " (and " + notLogged + " other lookups since the last such line)" : "")
						+ "; lines like this are logged at most once a minute, each failure at DEBUG");
	}

	private void emit(WebGraphQlRequest request, @Nullable ClientIdentity client, PersistedOperationOutcome outcome,
			@Nullable OperationId id) {
		boolean logged = logger.isDebugEnabled() && isFailure(outcome);
		if (this.listeners.isEmpty() && !logged) {
			return;
		}
		PersistedOperationEvent event = new PersistedOperationEvent(outcome, Transport.of(request), client, id,
				request.getOperationName());
		if (logged) {
			logger.debug(describe(event));
		}
		for (PersistedOperationListener listener : this.listeners) {
			try {
				listener.onEvent(event);
			}
			catch (RuntimeException ex) {
				logger.debug("Listener " + listener + " failed on " + event, ex);
			}
		}
	}

	private static boolean isFailure(PersistedOperationOutcome outcome) {
		return switch (outcome) {
			case REFUSED, NOT_FOUND, ID_INVALID, DOCUMENT_MISMATCH, STORE_UNAVAILABLE -> true;
			default -> false;
		};
	}

	/**
	 * Describe a refusal, a miss or a store failure in one line: never a document's text.
	 */
	private static String describe(PersistedOperationEvent event) {
		String what = switch (event.outcome()) {
			case REFUSED -> "Refused a document that is not persisted";
			case NOT_FOUND -> "No persisted document under the id";
			case ID_INVALID -> "Refused an invalid id or request";
			case DOCUMENT_MISMATCH -> "Refused a document that differs from the one stored under the id";
			default -> "The persisted document store could not be asked";
		};
		ClientIdentity client = event.client();
		return what + " (" + event.outcome().tagValue() + "): id "
				+ ((event.id() != null) ? "'" + event.id() + "'" : "none") + ", operation "
				+ ((event.operationName() != null) ? event.operationName() : "unnamed") + ", client "
				+ ((client != null) ? "'" + client + "'" : "unknown") + ", transport " + event.transport().tagValue();
	}

	private boolean allowedOverGet(WebGraphQlRequest request, String document) {
		return !request.getAttributes().containsKey(TransportAttributes.GET)
				|| this.getRule.allows(document, request.getOperationName());
	}

	private static MethodNotAllowedException getNotAllowed() {
		return new MethodNotAllowedException(HttpMethod.GET, Set.of(HttpMethod.POST));
	}

	private record Lookup(Outcome outcome, String text, @Nullable Throwable failure) {

		static final Lookup MISSING = new Lookup(Outcome.MISSING, "", null);

		static Lookup found(String text) {
			return new Lookup(Outcome.FOUND, text, null);
		}

		static Lookup unavailable(Throwable failure) {
			return new Lookup(Outcome.UNAVAILABLE, "", failure);
		}

		enum Outcome {

			FOUND, MISSING, UNAVAILABLE

		}

	}

}
