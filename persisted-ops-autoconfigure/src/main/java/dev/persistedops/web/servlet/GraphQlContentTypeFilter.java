package dev.persistedops.web.servlet;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
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

/**
 * Answers requests on the GraphQL path (and the paths under it) whose
 * {@code Content-Type} breaks the {@link RequestContentType} rule with 415 and a
 * GraphQL-shaped body, before Spring MVC sees them: Spring MVC fails with a 500 (an HTML
 * page from the servlet container) on a wildcard {@code Content-Type} before any handler
 * runs. It sees every request, so it does no more than it must: it is a plain filter
 * (registered as a bean, it sees requests, not the dispatches that follow them), and the
 * paths it answers for are known in advance.
 */
public class GraphQlContentTypeFilter implements Filter, Ordered {

	/** Early: nothing needs to run for a request that is refused. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 20;

	private final String path;

	private final String pathsUnder;

	private final JsonMapper jsonMapper;

	/**
	 * Create a filter for the given GraphQL path (within the dispatcher servlet's
	 * mapping).
	 */
	public GraphQlContentTypeFilter(String path, JsonMapper jsonMapper) {
		Assert.hasText(path, "path is required");
		Assert.notNull(jsonMapper, "jsonMapper is required");
		this.path = path;
		this.pathsUnder = path + "/";
		this.jsonMapper = jsonMapper;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse
				&& isGraphQlPath(http)) {
			try {
				RequestContentType.check(http.getHeader(HttpHeaders.CONTENT_TYPE),
						HttpMethod.POST.matches(http.getMethod()));
			}
			catch (InvalidGraphQlRequestException ex) {
				httpResponse.setStatus(ex.getStatus().value());
				httpResponse.setContentType(MediaType.APPLICATION_JSON_VALUE);
				httpResponse.getOutputStream().write(this.jsonMapper.writeValueAsBytes(ex.toResponseBody()));
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private boolean isGraphQlPath(HttpServletRequest request) {
		String pathInfo = request.getPathInfo();
		String path = (pathInfo != null) ? pathInfo : request.getServletPath();
		return path.equals(this.path) || path.startsWith(this.pathsUnder);
	}

}
