package dev.persistedops.client;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.ClientRequest;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.ExchangeFilterFunction;
import org.springframework.web.reactive.function.client.ExchangeFunction;

/**
 * The {@code WebClient} hook of {@code HttpGraphQlClient}: sends a request as a GET when
 * {@link PersistedOperationClientInterceptor} chose GET for it (the request attribute
 * {@link GetRequests#ATTRIBUTE}, which Spring's HTTP transport copies from the GraphQL
 * request), with the id, variables and extensions as query parameters and no body.
 */
final class GetRequestFilter implements ExchangeFilterFunction {

	@Override
	public Mono<ClientResponse> filter(ClientRequest request, ExchangeFunction next) {
		Object query = request.attribute(GetRequests.ATTRIBUTE).orElse(null);
		if (!(query instanceof String queryString) || request.method() != HttpMethod.POST) {
			return next.exchange(request);
		}
		ClientRequest get = ClientRequest.from(request)
			.method(HttpMethod.GET)
			.url(GetRequests.withQuery(request.url(), queryString))
			.headers((headers) -> headers.remove(HttpHeaders.CONTENT_TYPE))
			.body(BodyInserters.empty())
			.build();
		return next.exchange(get);
	}

}
