package dev.persistedops.integration;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.persistedops.test.GraphQlWebSocketTestClient;
import dev.persistedops.test.GraphQlWebSocketTestClient.Conversation;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.socket.CloseStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Input a client can send to break the edge: odd media types, bodies and variables over
 * the limits, malformed WebSocket messages. Each gets a status (never 500) or a protocol
 * answer, over a real connection that is never dropped without one, and nothing is logged
 * above DEBUG. Each subclass runs them on one web stack.
 */
@ExtendWith(OutputCaptureExtension.class)
abstract class HostileInputIntegrationTests {

	private static final String GREETING_BODY = "{\"id\":\"" + Documents.GREETING_ID + "\"}";

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	@LocalServerPort
	int port;

	private int outputBefore;

	@BeforeEach
	void markOutput(CapturedOutput output) {
		this.outputBefore = output.getAll().length();
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/*", "*/*", "application/*+json", "*/json" })
	void wildcardContentTypeIs415(String contentType, CapturedOutput output) {
		Answer answer = post(contentType, BodyPublishers.ofString(GREETING_BODY));
		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.body()).contains("UNSUPPORTED_MEDIA_TYPE");
		assertNothingLoggedAboveDebug(output);
	}

	@ParameterizedTest
	@ValueSource(strings = { ";;", "application", "application/json; charset=bogus", "application/json; charset=\"",
			"application/json;;q=", "text/plain", "application/x-www-form-urlencoded" })
	void unparseableOrUnsupportedContentTypeIs415(String contentType, CapturedOutput output) {
		Answer answer = post(contentType, BodyPublishers.ofString(GREETING_BODY));
		assertThat(answer.status()).isEqualTo(415);
		assertThat(answer.body()).contains("\"code\":\"UNSUPPORTED_MEDIA_TYPE\"");
		assertNothingLoggedAboveDebug(output);
	}

	@Test
	void postWithoutContentTypeIs415() {
		HttpRequest request = HttpRequest.newBuilder(uri("/graphql"))
			.POST(BodyPublishers.ofString(GREETING_BODY))
			.build();
		assertThat(send(request).status()).isEqualTo(415);
	}

	@Test
	void wildcardContentTypeOnAGetIs415() {
		HttpRequest request = HttpRequest.newBuilder(uri("/graphql?id=" + Documents.GREETING_ID))
			.header("Content-Type", "application/*")
			.GET()
			.build();
		assertThat(send(request).status()).isEqualTo(415);
	}

	@Test
	void bodySentInLatin1IsReadInLatin1() {
		byte[] body = ("{\"id\":\"" + Documents.GREETING_ID + "\",\"variables\":{\"name\":\"Bj\u00f6rk\"}}")
			.getBytes(StandardCharsets.ISO_8859_1);
		Answer answer = post("application/json; charset=ISO-8859-1", BodyPublishers.ofByteArray(body));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("Hello, Bj\u00f6rk!");
	}

	@Test
	void persistedRequestWith300KilobytesOfVariablesRuns() {
		String name = "x".repeat(300 * 1024);
		Answer answer = post("application/json", BodyPublishers
			.ofString("{\"id\":\"" + Documents.GREETING_ID + "\",\"variables\":{\"name\":\"" + name + "\"}}"));
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).startsWith("{\"data\":{\"greeting\":\"Hello, xxx").contains(name);
	}

	@Test
	void bodyOf10MegabytesIs413BeforeItIsRead(CapturedOutput output) {
		Answer answer = post("application/json", BodyPublishers.ofString("{\"id\":\"" + Documents.GREETING_ID
				+ "\",\"variables\":{\"name\":\"" + "x".repeat(10_000_000) + "\"}}"));
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("\"code\":\"REQUEST_TOO_LARGE\"")
			.contains("The request body is larger than 2 MB");
		assertNothingLoggedAboveDebug(output);
	}

	@Test
	void chunkedBodyOver2MegabytesIs413() {
		byte[] body = ("{\"id\":\"" + Documents.GREETING_ID + "\",\"variables\":{\"name\":\"" + "x".repeat(3_000_000)
				+ "\"}}")
			.getBytes(StandardCharsets.UTF_8);
		// No Content-Length: the limit is found while reading.
		Answer answer = post("application/json", BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("REQUEST_TOO_LARGE");
	}

	@Test
	void variablesOver512KilobytesAre413() {
		Answer answer = post("application/json", BodyPublishers.ofString("{\"id\":\"" + Documents.GREETING_ID
				+ "\",\"variables\":{\"name\":\"" + "x".repeat(600 * 1024) + "\"}}"));
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.body()).contains("'variables' are larger than 512 KB");
	}

	@Test
	void variablesNestedTooDeeplyInAGetAre400() {
		Answer answer = get("/graphql?id=" + Documents.GREETING_ID + "&variables="
				+ encode("{\"a\":" + "[".repeat(40) + "]".repeat(40) + "}"));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("nested more than 32 levels");
	}

	@Test
	void variablesNestedDeeperThan32LevelsAre400() {
		String nested = "{\"a\":".repeat(40) + "1" + "}".repeat(40);
		Answer answer = post("application/json", BodyPublishers
			.ofString("{\"id\":\"" + Documents.GREETING_ID + "\",\"variables\":{\"deep\":" + nested + "}}"));
		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.body()).contains("'variables' are nested more than 32 levels deep");
	}

	@Test
	void jsonNestedBeyondTheParsersLimitIs400(CapturedOutput output) {
		String nested = "[".repeat(5000) + "]".repeat(5000);
		Answer answer = post("application/json", BodyPublishers
			.ofString("{\"id\":\"" + Documents.GREETING_ID + "\",\"variables\":{\"deep\":" + nested + "}}"));
		assertThat(answer.status()).isEqualTo(400);
		assertNothingLoggedAboveDebug(output);
	}

	@Test
	void getWithAQueryStringOf20KilobytesIsRefusedByTheServer() {
		Answer answer = get("/graphql?id=" + Documents.GREETING_ID + "&variables="
				+ encode("{\"name\":\"" + "x".repeat(20 * 1024) + "\"}"));
		assertThat(answer.status()).isBetween(400, 499);
	}

	@Test
	void unparseableAcceptIsAClientError(CapturedOutput output) {
		HttpRequest request = HttpRequest.newBuilder(uri("/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json;q=\"")
			.POST(BodyPublishers.ofString(GREETING_BODY))
			.build();
		assertThat(send(request).status()).isBetween(400, 499);
		assertNothingLoggedAboveDebug(output);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"unterminated", "W/", ",,,", "*, \"a\"" })
	void malformedIfNoneMatchIsNoMatch(String ifNoneMatch) {
		HttpRequest request = HttpRequest.newBuilder(uri("/graphql?id=" + Documents.GREETING_ID))
			.header("If-None-Match", ifNoneMatch)
			.GET()
			.build();
		assertThat(send(request).status()).isIn(200, 304);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/graphql/persisted/..%2F..%2Fpom", "/graphql/persisted/..%252F..%252Fpom",
			"/graphql/persisted/%00", "/graphql/sha256:..%2Fpom/Greeting" })
	void pathLikeIdsOnOperationUrlsAreRefused(String path) {
		// Tomcat refuses an encoded slash itself; otherwise the id rule refuses the id.
		Answer answer = get(path);
		assertThat(answer.status() == 400 || answer.body().contains("PERSISTED_QUERY_ID_INVALID"))
			.as("%s answered %s %s", path, answer.status(), answer.body())
			.isTrue();
	}

	@Test
	void operationUrlWithTooManySegmentsIsNotFound() {
		assertThat(get("/graphql/x:y/Op/extra").status()).isEqualTo(404);
	}

	@Test
	void malformedSubscribeMessagesGetAnErrorAndTheConnectionStaysOpen(CapturedOutput output) {
		String ticks = "{\"id\":\"" + Documents.TICKS_ID + "\",\"variables\":{\"count\":1}}";
		Conversation conversation = webSocket().converse(List.of(
				"{\"id\":\"a\",\"type\":\"subscribe\",\"payload\":{\"id\":\"" + Documents.TICKS_ID
						+ "\",\"variables\":[1]}}",
				"{\"id\":\"b\",\"type\":\"subscribe\",\"payload\":{\"id\":\"" + Documents.TICKS_ID
						+ "\",\"extensions\":\"x\"}}",
				"{\"id\":\"c\",\"type\":\"subscribe\",\"payload\":{\"query\":5}}",
				"{\"id\":\"d\",\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription {",
				"{\"id\":\"e\",\"type\":\"subscribe\",\"payload\":\"{}\"}",
				"{\"id\":\"f\",\"type\":\"subscribe\",\"payload\":{}}", "{\"id\":\"g\",\"type\":\"subscribe\"}",
				"{\"id\":\"h\",\"type\":\"subscribe\",\"payload\":" + ticks + "}"), 9);
		assertThat(conversation.messages()).extracting((message) -> message.get("id") + " " + message.get("type"))
			.containsExactly("a error", "b error", "c error", "d error", "e error", "f error", "g error", "h next",
					"h complete");
		assertThat(conversation.messages().get(0).toString()).contains("'variables' must be an object", "BAD_REQUEST");
		assertThat(conversation.messages().get(1).toString()).contains("'extensions' must be an object");
		assertThat(conversation.messages().get(2).toString()).contains("'query' must be a string");
		assertThat(conversation.messages().get(3).toString()).contains("not valid JSON");
		assertThat(conversation.serverCloseStatus()).isNull();
		assertNothingLoggedAboveDebug(output);
	}

	@ParameterizedTest
	@ValueSource(strings = { "hello", "[1]", "{\"type\":\"bogus\"}", "{\"type\":5}",
			"{\"type\":\"connection_init\",\"payload\":[1]}", "{\"id\":{},\"type\":\"subscribe\",\"payload\":{}}",
			"{\"type\":\"subscribe\",\"payload\":{\"query\":\"{ greeting }\"}}" })
	void unreadableMessagesCloseTheConnectionWith4400(String frame, CapturedOutput output) {
		Conversation conversation = webSocket().converse(List.of(frame), 1);
		assertThat(conversation.messages()).isEmpty();
		assertThat(conversation.serverCloseStatus()).isNotNull().extracting(CloseStatus::getCode).isEqualTo(4400);
		assertNothingLoggedAboveDebug(output);
	}

	private GraphQlWebSocketTestClient webSocket() {
		return new GraphQlWebSocketTestClient(URI.create("ws://localhost:" + this.port + "/graphql"));
	}

	private Answer post(String contentType, BodyPublisher body) {
		return send(HttpRequest.newBuilder(uri("/graphql"))
			.header("Content-Type", contentType)
			.header("Accept", "application/json")
			.POST(body)
			.build());
	}

	private Answer get(String pathAndQuery) {
		return send(HttpRequest.newBuilder(uri(pathAndQuery)).header("Accept", "application/json").GET().build());
	}

	private Answer send(HttpRequest request) {
		try {
			HttpResponse<String> response = this.http.send(request, BodyHandlers.ofString());
			assertThat(response.statusCode()).as("status of %s", request.uri()).isNotEqualTo(500);
			return new Answer(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return fail("The connection closed without a status: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return fail("Interrupted", ex);
		}
	}

	private URI uri(String pathAndQuery) {
		return URI.create("http://localhost:" + this.port + pathAndQuery);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private void assertNothingLoggedAboveDebug(CapturedOutput output) {
		String during = output.getAll().substring(this.outputBefore);
		assertThat(during).doesNotContain(" ERROR ").doesNotContain(" WARN ");
	}

	private record Answer(int status, String body) {

	}

}
