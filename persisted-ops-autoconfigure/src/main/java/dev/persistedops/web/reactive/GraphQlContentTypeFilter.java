package dev.persistedops.web.reactive;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.web.InvalidGraphQlRequestException;
import dev.persistedops.web.RequestContentType;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.Assert;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers requests on the GraphQL path (and the paths under it) whose
 * {@code Content-Type} breaks the {@link RequestContentType} rule with 415 and a
 * GraphQL-shaped body, before routing, as the Spring MVC edge does.
 */
public class GraphQlContentTypeFilter implements WebFilter, Ordered {

	/** Early: nothing needs to run for a request that is refused. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	private final String path;

	private final JsonMapper jsonMapper;

	/**
	 * Create a filter for the given GraphQL path.
	 */
	public GraphQlContentTypeFilter(String path, JsonMapper jsonMapper) {
		Assert.hasText(path, "path is required");
		Assert.notNull(jsonMapper, "jsonMapper is required");
		this.path = path;
		this.jsonMapper = jsonMapper;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		String path = request.getPath().pathWithinApplication().value();
		if (!(path.equals(this.path) || path.startsWith(this.path + "/"))) {
			return chain.filter(exchange);
		}
		try {
			RequestContentType.check(request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE),
					HttpMethod.POST.equals(request.getMethod()));
		}
		catch (InvalidGraphQlRequestException ex) {
			ServerHttpResponse response = exchange.getResponse();
			response.setStatusCode(ex.getStatus());
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			byte[] body = this.jsonMapper.writeValueAsBytes(ex.toResponseBody());
			return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
		}
		return chain.filter(exchange);
	}

}
