package dev.persistedops.sample;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import dev.persistedops.client.IdConvention;
import dev.persistedops.client.PersistedOperationsConfigurer;
import dev.persistedops.client.test.PersistedOperationTesters;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.core.io.ClassPathResource;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.support.DocumentSource;
import org.springframework.graphql.support.ResourceDocumentSource;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebGraphQlTester;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Java client ({@code persisted-ops-client}) against the sample app in its prod
 * profile, where only persisted operations run: requests written as usual, with
 * {@code documentName("GetBook")}, run because the id travels instead of the text. What
 * arrived is proved from the server side ({@link RequestRecording}) and, over HTTP, from
 * the bytes the client sent. Run on Spring MVC and on WebFlux by the subclasses.
 */
@ActiveProfiles("prod")
@Import(RequestRecording.class)
@AutoConfigureHttpGraphQlTester
abstract class JavaClientProdProfileTests {

	private static final String GET_BOOK_ID = "documentId=sha256:" + RunningSample.GET_BOOK;

	private static final String ADD_BOOK_ID = "documentId=sha256:" + RunningSample.ADD_BOOK;

	// The testers look in graphql-test/ by default; these tests share the clients'
	// documents.
	private static final DocumentSource CLIENT_DOCUMENTS = new ResourceDocumentSource(
			List.of(new ClassPathResource("graphql-documents/")), ResourceDocumentSource.FILE_EXTENSIONS);

	@LocalServerPort
	int port;

	@Autowired
	RequestRecording.Requests requests;

	/** Configured from persisted-ops.client.* (the defaults: documentId, POST). */
	@Autowired
	HttpSyncGraphQlClient.Builder<?> syncClientBuilder;

	@Autowired
	PersistedOperationsConfigurer configurer;

	@BeforeEach
	void forgetEarlierRequests() {
		this.requests.clear();
	}

	String url() {
		return "http://localhost:" + this.port + "/graphql";
	}

	@Test
	void documentNameRequestRunsBecauseTheIdTravelsInsteadOfTheText() {
		List<String> sent = new CopyOnWriteArrayList<>();
		HttpSyncGraphQlClient client = this.syncClientBuilder.url(url())
			.restClient((restClient) -> restClient.requestInterceptor(recordInto(sent)))
			.build();

		String title = client.documentName("GetBook")
			.variable("id", "1")
			.retrieveSync("book.title")
			.toEntity(String.class);

		assertThat(title).isEqualTo("The Left Hand of Darkness");
		assertThat(this.requests.received()).containsExactly("POST " + GET_BOOK_ID);
		assertThat(sent).singleElement()
			.asString()
			.startsWith("POST ")
			.contains("\"documentId\":\"sha256:" + RunningSample.GET_BOOK + "\"")
			.doesNotContain("\"query\"")
			.doesNotContain("book(id: $id)");
	}

	@Test
	void sameRequestWithoutTheClientPieceIsRefused() {
		HttpSyncGraphQlClient plain = HttpSyncGraphQlClient.builder().url(url()).build();

		ClientGraphQlResponse response = plain.documentName("GetBook").variable("id", "1").executeSync();

		assertThat(response.getErrors()).extracting((error) -> error.getExtensions().get("code"))
			.containsExactly("PERSISTED_QUERY_ONLY");
		assertThat(this.requests.received()).containsExactly("POST text");
	}

	@Test
	void syncClientSendsQueriesByGetAndMutationsByPost() {
		List<String> sent = new CopyOnWriteArrayList<>();
		HttpSyncGraphQlClient client = PersistedOperationsConfigurer.builder()
			.getForQueries(true)
			.build()
			.configure(HttpSyncGraphQlClient.builder())
			.url(url())
			.restClient((restClient) -> restClient.requestInterceptor(recordInto(sent)))
			.build();

		assertThat(client.documentName("GetBook").variable("id", "2").retrieveSync("book.title").toEntity(String.class))
			.isEqualTo("The Dispossessed");
		assertThat(client.documentName("AddBook")
			.variable("title", "Parable of the Sower")
			.variable("author", "Octavia E. Butler")
			.retrieveSync("addBook.title")
			.toEntity(String.class)).isEqualTo("Parable of the Sower");

		assertThat(this.requests.received()).containsExactly("GET " + GET_BOOK_ID, "POST " + ADD_BOOK_ID);
		assertThat(sent.get(0)).startsWith("GET ")
			.contains("documentId=sha256%3A" + RunningSample.GET_BOOK)
			.endsWith(" ");
		assertThat(sent.get(1)).startsWith("POST ").doesNotContain("\"query\"");
	}

	@Test
	void reactiveClientSendsQueriesByGetAndMutationsByPost() {
		HttpGraphQlClient client = PersistedOperationsConfigurer.builder()
			.getForQueries(true)
			.build()
			.configure(HttpGraphQlClient.builder())
			.url(url())
			.build();

		assertThat(client.documentName("GetBook")
			.variable("id", "3")
			.retrieve("book.title")
			.toEntity(String.class)
			.block()).isEqualTo("Kindred");
		assertThat(client.documentName("AddBook")
			.variable("title", "Lilith's Brood")
			.variable("author", "Octavia E. Butler")
			.retrieve("addBook.title")
			.toEntity(String.class)
			.block()).isEqualTo("Lilith's Brood");

		assertThat(this.requests.received()).containsExactly("GET " + GET_BOOK_ID, "POST " + ADD_BOOK_ID);
	}

	@Test
	void subscriptionByIdOverWebSocketReceivesEvents() throws InterruptedException {
		WebSocketGraphQlClient client = this.configurer
			.configure(WebSocketGraphQlClient.builder("ws://localhost:" + this.port + "/graphql",
					new ReactorNettyWebSocketClient()))
			.build();
		HttpSyncGraphQlClient http = this.syncClientBuilder.url(url()).build();
		List<String> titles = new CopyOnWriteArrayList<>();
		Disposable subscription = client.documentName("OnBookAdded")
			.retrieveSubscription("bookAdded.title")
			.toEntity(String.class)
			.subscribe(titles::add);
		try {
			// The stream carries only books added after the subscription started: add
			// until one arrives.
			for (int i = 0; i < 50 && titles.isEmpty(); i++) {
				http.documentName("AddBook")
					.variable("title", "Dawn")
					.variable("author", "Octavia E. Butler")
					.executeSync();
				Thread.sleep(100);
			}
		}
		finally {
			subscription.dispose();
			client.stop().block(Duration.ofSeconds(5));
		}
		assertThat(titles).isNotEmpty().allMatch("Dawn"::equals);
		// The first adds may reach the server before the subscription does.
		assertThat(this.requests.received()).containsOnlyOnce("WS documentId=sha256:" + RunningSample.ON_BOOK_ADDED)
			.containsOnly("WS documentId=sha256:" + RunningSample.ON_BOOK_ADDED, "POST " + ADD_BOOK_ID);
	}

	@Test
	void httpGraphQlTesterAssertsThatAPersistedOperationRuns(@Autowired HttpGraphQlTester graphQlTester) {
		HttpGraphQlTester tester = PersistedOperationTesters.configure(graphQlTester.mutate(), this.configurer)
			.documentSource(CLIENT_DOCUMENTS)
			.build();

		tester.documentName("GetBook")
			.variable("id", "2")
			.execute()
			.path("book.title")
			.entity(String.class)
			.isEqualTo("The Dispossessed");

		assertThat(this.requests.received()).containsExactly("POST " + GET_BOOK_ID);
	}

	@Test
	void webGraphQlTesterAssertsThatAPersistedOperationRuns(@Autowired WebGraphQlHandler handler) {
		PersistedOperationsConfigurer apollo = PersistedOperationsConfigurer.builder()
			.convention(IdConvention.PERSISTED_QUERY)
			.build();
		WebGraphQlTester tester = PersistedOperationTesters.webGraphQlTester(handler, apollo)
			.documentSource(CLIENT_DOCUMENTS)
			.build();

		tester.documentName("GetBook")
			.variable("id", "1")
			.execute()
			.path("book.title")
			.entity(String.class)
			.isEqualTo("The Left Hand of Darkness");

		assertThat(this.requests.received()).containsExactly("POST persistedQuery=" + RunningSample.GET_BOOK);
	}

	private static ClientHttpRequestInterceptor recordInto(List<String> sent) {
		return (request, body, execution) -> {
			sent.add(request.getMethod() + " " + request.getURI() + " " + new String(body));
			return execution.execute(request, body);
		};
	}

}
