package dev.persistedops.publish;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;

/**
 * An endpoint that client builds publish operations to, independent of the web stack: the
 * Spring MVC and WebFlux edges read the raw body under a size limit and write the answer.
 */
@FunctionalInterface
public interface PublishingEndpoint {

	/**
	 * Handle one request.
	 * @param headers the request headers
	 * @param body the raw request body, within the size limit
	 * @return the answer
	 */
	Mono<EndpointResponse> handle(HttpHeaders headers, byte[] body);

}
