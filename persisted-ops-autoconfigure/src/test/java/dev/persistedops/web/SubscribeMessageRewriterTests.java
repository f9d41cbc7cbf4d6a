package dev.persistedops.web;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.web.SubscribeMessageRewriter.Answer;
import dev.persistedops.web.SubscribeMessageRewriter.Close;
import dev.persistedops.web.SubscribeMessageRewriter.Forward;
import dev.persistedops.web.SubscribeMessageRewriter.Verdict;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SubscribeMessageRewriter}.
 */
class SubscribeMessageRewriterTests {

	private final JsonMapper jsonMapper = JsonMapper.shared();

	private final SubscribeMessageRewriter rewriter = new SubscribeMessageRewriter(
			new PersistedRequestBody(EnumSet.allOf(IdConvention.class)), this.jsonMapper);

	@Test
	void idOnlySubscribeGetsPlaceholderAndCarrier() {
		String message = """
				{"id": "1", "type": "subscribe", "payload": {"documentId": "abc", "variables": {"count": 3}}}""";
		Map<String, Object> rewritten = parse(this.rewriter.rewrite(message));
		assertThat(rewritten).containsEntry("id", "1").containsEntry("type", "subscribe");
		assertThat(rewritten.get("payload"))
			.isEqualTo(Map.of("query", PersistedRequestBody.PLACEHOLDER_DOCUMENT, "variables", Map.of("count", 3),
					"extensions", Map.of(PersistedRequestBody.ID_CARRIER, Map.of("documentId", "abc"))));
	}

	@Test
	void persistedQueryOnlySubscribeGetsPlaceholder() {
		String message = """
				{"id": "1", "type": "subscribe", "payload": {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "abc"}}}}""";
		Map<String, Object> rewritten = parse(this.rewriter.rewrite(message));
		assertThat(rewritten.get("payload")).isEqualTo(Map.of("query", PersistedRequestBody.PLACEHOLDER_DOCUMENT,
				"extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", "abc"))));
	}

	@Test
	void subscribeWithADocumentIsUnchanged() {
		String message = """
				{"id":"1","type":"subscribe","payload":{"query":"subscription { ticks(count: 3) }"}}""";
		assertThat(this.rewriter.rewrite(message)).isSameAs(message);
	}

	@Test
	void connectionInitIsUnchanged() {
		String message = """
				{"type": "connection_init", "payload": {"subscribe": true}}""";
		assertThat(this.rewriter.rewrite(message)).isSameAs(message);
	}

	@Test
	void pingIsUnchanged() {
		String message = """
				{"type": "ping"}""";
		assertThat(this.rewriter.rewrite(message)).isSameAs(message);
	}

	@Test
	void completeNamingASubscribeIdIsUnchanged() {
		String message = """
				{"id": "subscribe-1", "type": "complete"}""";
		assertThat(this.rewriter.rewrite(message)).isSameAs(message);
	}

	@Test
	void invalidJsonIsUnchanged() {
		String message = """
				{"id": "1", "type": "subscribe", "payload": {"documentId": """;
		assertThat(this.rewriter.rewrite(message)).isSameAs(message);
	}

	@Test
	void subscribeWithWronglyTypedVariablesIsUnchanged() {
		String message = """
				{"id": "1", "type": "subscribe", "payload": {"documentId": "abc", "variables": [1, 2]}}""";
		assertThat(this.rewriter.rewrite(message)).isSameAs(message);
	}

	@Test
	void subscribeWithAMalformedPayloadIsAnsweredWithAnErrorForItsId() {
		Verdict verdict = this.rewriter.check("""
				{"id": "7", "type": "subscribe", "payload": {"documentId": "abc", "variables": [1, 2]}}""");
		assertThat(verdict).isInstanceOf(Answer.class);
		assertThat(parse(((Answer) verdict).message())).containsEntry("id", "7")
			.containsEntry("type", "error")
			.containsEntry("payload", List
				.of(Map.of("message", "'variables' must be an object", "extensions", Map.of("code", "BAD_REQUEST"))));
	}

	@Test
	void subscribeThatIsNotValidJsonAfterItsIdIsAnsweredWithAnError() {
		Verdict verdict = this.rewriter.check("""
				{"id": "7", "type": "subscribe", "payload": {"query": "subscription { """);
		assertThat(verdict).isInstanceOfSatisfying(Answer.class, (answer) -> assertThat(answer.id()).isEqualTo("7"));
	}

	@Test
	void subscribeWithoutPayloadOrWithAPayloadThatIsNotAnObjectIsAnswered() {
		assertThat(this.rewriter.check("""
				{"id": "7", "type": "subscribe"}""")).isInstanceOf(Answer.class);
		assertThat(this.rewriter.check("""
				{"id": "7", "type": "subscribe", "payload": "{}"}""")).isInstanceOf(Answer.class);
	}

	@Test
	void messageThatNamesNoSubscriptionAndCannotBeReadCloses() {
		for (String message : List.of("hello", "[1]", """
				{"type": "bogus"}""", """
				{"type": "connection_init", "payload": [1]}""", """
				{"type": "subscribe", "payload": {"query": "{ a }"}}""", """
				{"id": {}, "type": "subscribe", "payload": {}}""")) {
			assertThat(this.rewriter.check(message)).as(message)
				.isInstanceOfSatisfying(Close.class, (close) -> assertThat(close.code()).isEqualTo(4400));
		}
	}

	@Test
	void wellFormedMessagesAreForwarded() {
		String message = """
				{"id": "1", "type": "subscribe", "payload": {"query": "subscription { ticks(count: 3) }"}}""";
		assertThat(this.rewriter.check(message)).isEqualTo(new Forward(message));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> parse(String message) {
		return this.jsonMapper.readValue(message, Map.class);
	}

}
