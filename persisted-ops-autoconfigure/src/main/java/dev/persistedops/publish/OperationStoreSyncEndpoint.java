package dev.persistedops.publish;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.document.InvalidOperationIdException;
import dev.persistedops.document.OperationId;
import dev.persistedops.execution.OperationValidator;
import dev.persistedops.store.StoreUnavailableException;
import dev.persistedops.store.WritableOperationDocumentStore;

import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * The endpoint {@code graphql-ruby-client sync} pushes operations to, as to a
 * GraphQL-Ruby Pro OperationStore. A request is signed by its client (see
 * {@link OperationStoreAuthenticator}); its body is {@code {"operations": [{"name",
 * "body", "alias"}]}}. Each operation is checked against the schema and stored as
 * {@code <client>/<alias>}. Clients may only add: an alias already holding a different
 * body fails. The answer is {@code {"added", "not_modified", "failed", "errors"}}, with
 * status 422 if any failed. If the store is unavailable, the sync stops there and is
 * answered 503 with {@code {"error": {"message": "..."}}}: what was stored stays, and
 * syncing again is safe.
 */
public final class OperationStoreSyncEndpoint implements PublishingEndpoint {

	private final WritableOperationDocumentStore store;

	private final OperationValidator validator;

	private final OperationStoreAuthenticator authenticator;

	private final JsonMapper jsonMapper;

	/**
	 * Create the endpoint.
	 * @param store where operations are stored
	 * @param validator checks operations against the schema
	 * @param authenticator checks each request's signature
	 * @param jsonMapper reads request bodies
	 */
	public OperationStoreSyncEndpoint(WritableOperationDocumentStore store, OperationValidator validator,
			OperationStoreAuthenticator authenticator, JsonMapper jsonMapper) {
		Assert.notNull(store, "store is required");
		Assert.notNull(validator, "validator is required");
		Assert.notNull(authenticator, "authenticator is required");
		Assert.notNull(jsonMapper, "jsonMapper is required");
		this.store = store;
		this.validator = validator;
		this.authenticator = authenticator;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public Mono<EndpointResponse> handle(HttpHeaders headers, byte[] body) {
		String client = this.authenticator.authenticate(headers.getFirst(HttpHeaders.AUTHORIZATION), body);
		if (client == null) {
			return Mono.just(EndpointResponse.error(401,
					"Missing or invalid 'Authorization: GraphQL::Pro <client> <hmac>' header"));
		}
		JsonNode operations;
		try {
			operations = this.jsonMapper.readTree(body).path("operations");
		}
		catch (JacksonException ex) {
			return Mono.just(EndpointResponse.error(400, "The request body is not valid JSON"));
		}
		if (!operations.isArray()) {
			return Mono.just(EndpointResponse.error(400, "The request body needs an 'operations' array"));
		}
		Outcomes outcomes = new Outcomes();
		return Flux.fromIterable(operations)
			.concatMap((operation) -> sync(client, operation, outcomes))
			.then(Mono.fromSupplier(outcomes::toResponse))
			.onErrorResume(StoreUnavailableException.class,
					(ex) -> Mono.just(EndpointResponse.error(503,
							"The document store is unavailable, try again later (" + outcomes.added.size() + " added, "
									+ outcomes.notModified.size() + " not modified before it failed): "
									+ ex.getMessage())));
	}

	private Mono<Void> sync(String client, JsonNode operation, Outcomes outcomes) {
		String alias = operation.path("alias").isString() ? operation.path("alias").stringValue() : "";
		String body = operation.path("body").isString() ? operation.path("body").stringValue() : "";
		String label = alias.isEmpty() ? "(no alias)" : alias;
		if (alias.isEmpty() || body.isBlank()) {
			outcomes.fail(label, "An operation needs a string 'alias' and a string 'body'");
			return Mono.empty();
		}
		OperationId id;
		try {
			id = OperationId.of(client + "/" + alias);
		}
		catch (InvalidOperationIdException ex) {
			outcomes.fail(label, "The alias is not a valid id: " + ex.getMessage());
			return Mono.empty();
		}
		List<String> problems = this.validator.problemsOf(body);
		if (!problems.isEmpty()) {
			problems.forEach((problem) -> outcomes.fail(label, problem));
			return Mono.empty();
		}
		return this.store.save(id, body, null).doOnNext((outcome) -> {
			switch (outcome) {
				case CREATED -> outcomes.added.add(alias);
				case UNCHANGED -> outcomes.notModified.add(alias);
				case CONFLICT -> outcomes.fail(alias,
						"The alias already holds a different operation; clients may only add operations");
			}
		}).onErrorResume((ex) -> !(ex instanceof StoreUnavailableException), (ex) -> {
			outcomes.fail(alias, "The operation could not be stored: " + ex.getMessage());
			return Mono.empty();
		}).then();
	}

	/**
	 * What a sync did, alias by alias.
	 */
	private static final class Outcomes {

		final List<String> added = new ArrayList<>();

		final List<String> notModified = new ArrayList<>();

		final Map<String, List<String>> errors = new LinkedHashMap<>();

		void fail(String alias, String message) {
			this.errors.computeIfAbsent(alias, (key) -> new ArrayList<>()).add(message);
		}

		EndpointResponse toResponse() {
			Map<String, Object> body = Map.of("added", this.added, "not_modified", this.notModified, "failed",
					List.copyOf(this.errors.keySet()), "errors", this.errors);
			return new EndpointResponse(this.errors.isEmpty() ? 200 : 422, body);
		}

	}

}
