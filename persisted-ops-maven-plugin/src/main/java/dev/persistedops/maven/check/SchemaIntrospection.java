package dev.persistedops.maven.check;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import graphql.introspection.IntrospectionQuery;
import graphql.introspection.IntrospectionResultToSchema;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds a schema from a running server's answer to the standard introspection query,
 * sent as a GraphQL-over-HTTP POST. The server must allow introspection and must run a
 * document sent as text (a server in only-persisted mode refuses it).
 */
public final class SchemaIntrospection {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private SchemaIntrospection() {
	}

	/**
	 * Introspect the server at the given URL.
	 * @throws InvalidSchemaException naming the URL, if it cannot be reached in time or
	 * does not answer with a schema
	 */
	public static GraphQLSchema load(URI url, Duration timeout) throws InvalidSchemaException {
		String request = MAPPER.writeValueAsString(Map.of("query", IntrospectionQuery.INTROSPECTION_QUERY));
		HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
		HttpResponse<String> response;
		try {
			response = client.send(HttpRequest.newBuilder(url)
				.timeout(timeout)
				.header("Content-Type", "application/json")
				.header("Accept", "application/graphql-response+json, application/json")
				.POST(HttpRequest.BodyPublishers.ofString(request, StandardCharsets.UTF_8))
				.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new InvalidSchemaException("Could not introspect the schema at " + url + ": " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new InvalidSchemaException("Interrupted while introspecting the schema at " + url);
		}
		JsonNode body;
		try {
			body = MAPPER.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new InvalidSchemaException(
					"The introspection answer of " + url + " (HTTP " + response.statusCode() + ") is not JSON");
		}
		if (!body.path("errors").isEmpty() || !body.path("data").path("__schema").isObject()) {
			throw new InvalidSchemaException("The server at " + url + " answered the introspection query (HTTP "
					+ response.statusCode() + ") without a schema: " + body.path("errors"));
		}
		try {
			Map<String, Object> data = MAPPER.convertValue(body.path("data"), new TypeReference<Map<String, Object>>() {
			});
			Document schema = new IntrospectionResultToSchema().createSchemaDefinition(data);
			return UnExecutableSchemaGenerator.makeUnExecutableSchema(new SchemaParser().buildRegistry(schema));
		}
		catch (RuntimeException ex) {
			throw new InvalidSchemaException("The introspection answer of " + url + " is not a valid schema: " + ex);
		}
	}

}
