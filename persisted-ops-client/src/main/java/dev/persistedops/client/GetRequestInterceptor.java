package dev.persistedops.client;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.support.HttpRequestWrapper;

/**
 * The {@code RestClient} hook of {@code HttpSyncGraphQlClient}: sends a request as a GET
 * when {@link PersistedOperationClientInterceptor} chose GET for it, with the id,
 * variables and extensions as query parameters and no body. Every other request passes
 * unchanged.
 */
final class GetRequestInterceptor implements ClientHttpRequestInterceptor {

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String query = GetRequests.takePending();
		if (query == null || request.getMethod() != HttpMethod.POST) {
			return execution.execute(request, body);
		}
		URI uri = GetRequests.withQuery(request.getURI(), query);
		HttpHeaders headers = new HttpHeaders();
		headers.putAll(request.getHeaders());
		headers.remove(HttpHeaders.CONTENT_TYPE);
		headers.remove(HttpHeaders.CONTENT_LENGTH);
		HttpRequest get = new HttpRequestWrapper(request) {

			@Override
			public HttpMethod getMethod() {
				return HttpMethod.GET;
			}

			@Override
			public URI getURI() {
				return uri;
			}

			@Override
			public HttpHeaders getHeaders() {
				return headers;
			}

		};
		return execution.execute(get, new byte[0]);
	}

}
