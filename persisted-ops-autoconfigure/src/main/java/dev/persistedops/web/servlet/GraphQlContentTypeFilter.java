package dev.persistedops.web.servlet;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import tools.jackson.databind.json.JsonMapper;

import dev.persistedops.web.InvalidGraphQlRequestException;
import dev.persistedops.web.RequestContentType;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers requests on the GraphQL path (and the paths under it) whose
 * {@code Content-Type} breaks the {@link RequestContentType} rule with 415 and a
 * GraphQL-shaped body, before Spring MVC sees them: Spring MVC fails with a 500 (an HTML
 * page from the servlet container) on a wildcard {@code Content-Type} before any handler
 * runs.
 */
public class GraphQlContentTypeFilter extends OncePerRequestFilter implements Ordered {

	/** Early: nothing needs to run for a request that is refused. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	private final String path;

	private final JsonMapper jsonMapper;

	/**
	 * Create a filter for the given GraphQL path (within the dispatcher servlet's
	 * mapping).
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
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String pathInfo = request.getPathInfo();
		String path = (pathInfo != null) ? pathInfo : request.getServletPath();
		return !(path.equals(this.path) || path.startsWith(this.path + "/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			RequestContentType.check(request.getHeader(HttpHeaders.CONTENT_TYPE),
					HttpMethod.POST.matches(request.getMethod()));
		}
		catch (InvalidGraphQlRequestException ex) {
			response.setStatus(ex.getStatus().value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getOutputStream().write(this.jsonMapper.writeValueAsBytes(ex.toResponseBody()));
			return;
		}
		chain.doFilter(request, response);
	}

}
