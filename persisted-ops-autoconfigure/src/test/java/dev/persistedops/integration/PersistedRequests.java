package dev.persistedops.integration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends persisted operations by id to a running application from any thread, with the
 * JDK's HTTP client, and reads what came back.
 */
final class PersistedRequests {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final URI uri;

	PersistedRequests(int port) {
		this.uri = URI.create("http://localhost:" + port + "/graphql");
	}

	/**
	 * POST the given id, with no variables.
	 */
	Answer post(String id) {
		String body = JsonMapper.shared().writeValueAsString(Map.of("id", id));
		HttpRequest request = HttpRequest.newBuilder(this.uri)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What came back: the status and the body.
	 */
	record Answer(int status, String body) {

		@SuppressWarnings("unchecked")
		@Nullable Object data(String field) {
			Map<String, Object> json = JsonMapper.shared().readValue(this.body, Map.class);
			Map<String, Object> data = (Map<String, Object>) json.get("data");
			return (data != null) ? data.get(field) : null;
		}

		@SuppressWarnings("unchecked")
		@Nullable String errorCode() {
			Map<String, Object> json = JsonMapper.shared().readValue(this.body, Map.class);
			List<Map<String, Object>> errors = (List<Map<String, Object>>) json.get("errors");
			if (errors == null || errors.isEmpty()) {
				return null;
			}
			Map<String, Object> extensions = (Map<String, Object>) errors.get(0).get("extensions");
			return (extensions != null) ? (String) extensions.get("code") : null;
		}

		boolean isMiss() {
			return this.status == 200 && "PERSISTED_QUERY_NOT_FOUND".equals(errorCode()) && data("echo") == null;
		}

	}

}
