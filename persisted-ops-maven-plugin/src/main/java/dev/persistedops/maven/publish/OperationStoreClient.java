package dev.persistedops.maven.publish;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;

/**
 * Pushes operations to a server over GraphQL-Ruby's OperationStore sync protocol, as
 * {@code graphql-ruby-client sync} does: one signed POST of {@code {"operations":
 * [{"name", "body", "alias"}]}}, answered with {@code {"added", "not_modified", "failed",
 * "errors"}} (status 200, or 422 when any failed). The secret only signs the body; it is
 * never sent nor put in a message.
 */
public final class OperationStoreClient {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final URI url;

	private final String client;

	private final String secret;

	private final Duration timeout;

	/**
	 * Create a client.
	 * @param url the server's sync endpoint, such as
	 * {@code https://internal.example.com/persisted-operations/sync}
	 * @param client the client name the server knows this build by
	 * @param secret the client's secret
	 * @param timeout how long connecting, and then the whole request, may take
	 */
	public OperationStoreClient(URI url, String client, String secret, Duration timeout) {
		Assert.notNull(url, "url is required");
		Assert.hasText(client, "client must not be empty");
		Assert.hasText(secret, "secret must not be empty");
		Assert.notNull(timeout, "timeout is required");
		this.url = url;
		this.client = client;
		this.secret = secret;
		this.timeout = timeout;
	}

	/**
	 * Send the operations and return what the server did with each.
	 * @throws SyncException if the server cannot be reached or refuses the request as a
	 * whole (a wrong client name or secret, say)
	 */
	public SyncResult sync(List<SyncOperation> operations) throws SyncException {
		byte[] body = MAPPER.writeValueAsBytes(Map.of("operations", operations.stream().map(this::toJson).toList()));
		HttpResponse<String> response = send(body);
		int status = response.statusCode();
		JsonNode answer = readAnswer(response);
		if (status == 200 || status == 422) {
			return toResult(answer, status);
		}
		String reason = answer.path("error").path("message").asString("");
		if (reason.isEmpty()) {
			reason = abbreviate(response.body());
		}
		if (status == 401 || status == 403) {
			throw new SyncException(this.url + " refused the request (HTTP " + status + "): " + reason
					+ ". Check the client name ('" + this.client + "') and its secret.");
		}
		throw new SyncException(this.url + " answered HTTP " + status + ": " + reason);
	}

	private Map<String, String> toJson(SyncOperation operation) {
		Map<String, String> json = new LinkedHashMap<>();
		json.put("name", operation.name());
		json.put("body", operation.body());
		json.put("alias", operation.alias());
		return json;
	}

	private HttpResponse<String> send(byte[] body) throws SyncException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(this.timeout).build();
		HttpRequest request = HttpRequest.newBuilder(this.url)
			.timeout(this.timeout)
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.header("Authorization", RequestSignature.authorization(this.client, this.secret, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		try {
			return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new SyncException("Could not reach " + this.url + ": " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SyncException("Interrupted while syncing with " + this.url);
		}
	}

	private static JsonNode readAnswer(HttpResponse<String> response) {
		try {
			return MAPPER.readTree(response.body());
		}
		catch (JacksonException ex) {
			return MAPPER.missingNode();
		}
	}

	private SyncResult toResult(JsonNode answer, int status) throws SyncException {
		if (!answer.path("added").isArray() || !answer.path("not_modified").isArray()
				|| !answer.path("failed").isArray()) {
			throw new SyncException(this.url + " answered HTTP " + status
					+ " without the 'added', 'not_modified' and 'failed' arrays of an OperationStore sync");
		}
		Map<String, List<String>> errors = new LinkedHashMap<>();
		answer.path("errors").properties().forEach((entry) -> errors.put(entry.getKey(), strings(entry.getValue())));
		return new SyncResult(strings(answer.path("added")), strings(answer.path("not_modified")),
				strings(answer.path("failed")), errors);
	}

	private static List<String> strings(JsonNode array) {
		List<String> strings = new ArrayList<>();
		array.forEach((value) -> strings.add(value.isString() ? value.stringValue() : value.toString()));
		return strings;
	}

	private static String abbreviate(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return (line.length() > 300) ? line.substring(0, 300) + "…" : line;
	}

}
