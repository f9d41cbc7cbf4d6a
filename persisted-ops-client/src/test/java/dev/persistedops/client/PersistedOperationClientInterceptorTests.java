package dev.persistedops.client;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import dev.persistedops.document.HashAlgorithm;

import org.springframework.graphql.client.ClientGraphQlRequest;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlClientInterceptor;
import org.springframework.graphql.client.SyncGraphQlClientInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link PersistedOperationClientInterceptor}, with a chain that stands in for
 * the transport and answers as a server would.
 */
class PersistedOperationClientInterceptorTests {

	private static final String QUERY = "query GetBook { book(id: 1) { title } }";

	private static final String MUTATION = "mutation AddBook { addBook(title: \"x\", author: \"y\") { id } }";

	private final List<ClientGraphQlRequest> sent = new CopyOnWriteArrayList<>();

	@Test
	void sendsTheIdInsteadOfTheText() {
		interceptor(IdConvention.DOCUMENT_ID, false, false).intercept(request(QUERY), answering(ok())).block();
		assertThat(this.sent).singleElement()
			.satisfies((request) -> assertThat(request.toMap()).doesNotContainKey("query")
				.containsEntry("documentId", new HashedOperationIds(HashAlgorithm.SHA256, "sha256:").idOf(QUERY)));
	}

	@Test
	void notFoundIsFollowedOnceByTextAndHashWithApq() {
		interceptor(IdConvention.PERSISTED_QUERY, true, false)
			.intercept(request(QUERY), answering(notFound(), notFound()))
			.block();
		assertThat(this.sent).extracting((request) -> request.toMap().containsKey("query"))
			.containsExactly(false, true);
		assertThat(this.sent.get(1).getExtensions()).containsKey("persistedQuery");
	}

	@Test
	void notFoundIsReturnedAsItIsWithoutApq() {
		ClientGraphQlResponse response = interceptor(IdConvention.PERSISTED_QUERY, false, false)
			.intercept(request(QUERY), answering(notFound()))
			.block();
		assertThat(this.sent).hasSize(1);
		assertThat(response.getErrors()).extracting((error) -> error.getMessage())
			.containsExactly("PersistedQueryNotFound");
	}

	@Test
	void notSupportedSendsTheTextAndStopsHashing() {
		PersistedOperationClientInterceptor interceptor = interceptor(IdConvention.PERSISTED_QUERY, true, false);
		interceptor.intercept(request(QUERY), answering(notSupported(), ok(), ok())).block();
		interceptor.intercept(request(QUERY), answering(notSupported(), ok(), ok())).block();
		assertThat(this.sent).extracting((request) -> request.toMap().containsKey("query"))
			.containsExactly(false, true, true);
		assertThat(this.sent.get(1).getExtensions()).doesNotContainKey("persistedQuery");
		assertThat(interceptor.isStopped()).isTrue();
	}

	@Test
	void errorCodeAloneIsRecognised() {
		interceptor(IdConvention.PERSISTED_QUERY, true, false)
			.intercept(request(QUERY), answering(TestRequests.response("Not found", "PERSISTED_QUERY_NOT_FOUND"), ok()))
			.block();
		assertThat(this.sent).hasSize(2);
	}

	@Test
	void syncChainRetriesTheSameWay() {
		SyncGraphQlClientInterceptor.Chain chain = (request) -> {
			this.sent.add(request);
			return (this.sent.size() == 1) ? notFound() : ok();
		};
		interceptor(IdConvention.PERSISTED_QUERY, true, false).intercept(request(QUERY), chain);
		assertThat(this.sent).extracting((request) -> request.toMap().containsKey("query"))
			.containsExactly(false, true);
	}

	@Test
	void onlyQueriesAreMarkedForGet() {
		PersistedOperationClientInterceptor interceptor = interceptor(IdConvention.DOCUMENT_ID, false, true);
		interceptor.intercept(request(QUERY), answering(ok(), ok())).block();
		interceptor.intercept(request(MUTATION), answering(ok())).block();
		assertThat(this.sent.get(0).getAttributes()).containsKey(GetRequests.ATTRIBUTE);
		assertThat(this.sent.get(1).getAttributes()).doesNotContainKey(GetRequests.ATTRIBUTE);
	}

	@Test
	void documentWithoutAnIdIsSentAsWritten() {
		PersistedOperationClientInterceptor interceptor = new PersistedOperationClientInterceptor((document) -> null,
				IdConvention.DOCUMENT_ID, false, false);
		ClientGraphQlRequest request = request(QUERY);
		interceptor.intercept(request, answering(ok())).block();
		assertThat(this.sent).containsExactly(request);
	}

	@Test
	void apqNeedsApollosConvention() {
		assertThatIllegalArgumentException().isThrownBy(() -> interceptor(IdConvention.DOCUMENT_ID, true, false))
			.withMessageContaining("PERSISTED_QUERY");
	}

	private PersistedOperationClientInterceptor interceptor(IdConvention convention, boolean apq, boolean get) {
		OperationIds ids = new HashedOperationIds(HashAlgorithm.SHA256,
				(convention == IdConvention.DOCUMENT_ID) ? "sha256:" : "");
		return new PersistedOperationClientInterceptor(ids, convention, apq, get);
	}

	private GraphQlClientInterceptor.Chain answering(ClientGraphQlResponse... responses) {
		return (request) -> {
			this.sent.add(request);
			return Mono.just(responses[Math.min(this.sent.size(), responses.length) - 1]);
		};
	}

	private static ClientGraphQlRequest request(String document) {
		return TestRequests.request(document, null, Map.of());
	}

	private static ClientGraphQlResponse ok() {
		return TestRequests.response(null, null);
	}

	private static ClientGraphQlResponse notFound() {
		return TestRequests.response("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND");
	}

	private static ClientGraphQlResponse notSupported() {
		return TestRequests.response("PersistedQueryNotSupported", "PERSISTED_QUERY_NOT_SUPPORTED");
	}

}
