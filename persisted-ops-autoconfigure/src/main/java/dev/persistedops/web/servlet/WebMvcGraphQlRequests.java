package dev.persistedops.web.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.jspecify.annotations.Nullable;

import dev.persistedops.web.GraphQlRequestReader;
import dev.persistedops.web.InvalidGraphQlRequestException;
import dev.persistedops.web.OperationUrl;
import dev.persistedops.web.RequestLimits;
import dev.persistedops.web.TransportAttributes;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.Assert;
import org.springframework.util.IdGenerator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Builds {@link WebGraphQlRequest}s from Spring MVC requests, including the ones Spring
 * for GraphQL does not read: POST bodies with an id and no {@code query}, GET requests,
 * and requests on per-operation URLs. The body is read up to the size limit and no
 * further. A request that is refused (not a GraphQL request, too large, of the wrong
 * media type, or whose body stalled past the server's read timeout) is answered here,
 * with its status and a GraphQL-shaped body.
 */
public final class WebMvcGraphQlRequests {

	private final GraphQlRequestReader reader;

	private final IdGenerator idGenerator = new AlternativeJdkIdGenerator();

	/**
	 * The URI of the last request without a query string: clients post to the same URL
	 * again and again, and parsing it is a noticeable part of a small request.
	 */
	private volatile @Nullable RequestUri lastUri;

	public WebMvcGraphQlRequests(GraphQlRequestReader reader) {
		Assert.notNull(reader, "reader is required");
		this.reader = reader;
	}

	/**
	 * Read the GraphQL request from a POST body and answer it with the given responder,
	 * or with the status of the refusal if it is refused.
	 */
	public ServerResponse handleBody(ServerRequest request, Responder responder) throws ServletException {
		return handle(request, this::fromBody, responder);
	}

	/**
	 * Read the GraphQL request from the query parameters of a GET request and answer it
	 * with the given responder, or with the status of the refusal if it is refused.
	 */
	public ServerResponse handleQueryParameters(ServerRequest request, Responder responder) throws ServletException {
		return handle(request, this::fromQueryParameters, responder);
	}

	private static ServerResponse handle(ServerRequest request, Reader reader, Responder responder)
			throws ServletException {
		WebGraphQlRequest graphQlRequest;
		try {
			graphQlRequest = reader.read(request);
		}
		catch (InvalidGraphQlRequestException ex) {
			return refusal(ex);
		}
		return responder.respond(graphQlRequest);
	}

	/**
	 * Return the response that answers a refused request.
	 */
	static ServerResponse refusal(InvalidGraphQlRequestException ex) {
		return ServerResponse.status(ex.getStatus()).contentType(MediaType.APPLICATION_JSON).body(ex.toResponseBody());
	}

	/**
	 * Read the GraphQL request from a POST body.
	 * @throws InvalidGraphQlRequestException if the request is refused
	 */
	public WebGraphQlRequest fromBody(ServerRequest request) {
		HttpServletRequest servletRequest = request.servletRequest();
		String contentType = servletRequest.getHeader(HttpHeaders.CONTENT_TYPE);
		Map<String, Object> body = this.reader.readBody(contentType, readBytes(servletRequest), operationUrl(request));
		return create(request, body);
	}

	private byte[] readBytes(HttpServletRequest request) {
		RequestLimits limits = this.reader.limits();
		long declared = request.getContentLengthLong();
		limits.checkContentLength(declared);
		byte[] bytes;
		try (InputStream input = request.getInputStream()) {
			// The container ends the stream at the declared length: only as much is
			// asked for, rather than buffers sized for the largest body.
			bytes = input.readNBytes((declared >= 0) ? (int) declared : limits.maxBodyBytes() + 1);
		}
		catch (IOException ex) {
			throw InvalidGraphQlRequestException.bodyNotRead(ex);
		}
		if (bytes.length > limits.maxBodyBytes()) {
			throw limits.bodyTooLarge();
		}
		return bytes;
	}

	/**
	 * Read the GraphQL request from the query parameters of a GET request, and mark it as
	 * a GET request so that it may only run a query.
	 * @throws InvalidGraphQlRequestException if the parameters are not a GraphQL request
	 */
	public WebGraphQlRequest fromQueryParameters(ServerRequest request) {
		Map<String, Object> body = this.reader.readQueryParameters(request.params(), operationUrl(request));
		request.attributes().put(TransportAttributes.GET, Boolean.TRUE);
		return create(request, body);
	}

	private static @Nullable OperationUrl operationUrl(ServerRequest request) {
		return (OperationUrl) request.attributes().get(OperationUrl.ATTRIBUTE);
	}

	private WebGraphQlRequest create(ServerRequest request, Map<String, Object> body) {
		try {
			return new WebGraphQlRequest(uri(request.servletRequest()), request.headers().asHttpHeaders(),
					cookies(request), request.remoteAddress().orElse(null), request.attributes(), body,
					this.idGenerator.generateId().toString(), LocaleContextHolder.getLocale());
		}
		catch (ServerWebInputException ex) {
			throw new InvalidGraphQlRequestException("The request has no 'query' and no operation id");
		}
	}

	/**
	 * Return the URI of a request, as Spring MVC builds it, reusing the last one built
	 * when the request's URL is the same.
	 */
	private URI uri(HttpServletRequest request) {
		if (request.getQueryString() != null) {
			return ServletServerHttpRequest.initURI(request);
		}
		String url = request.getRequestURL().toString();
		RequestUri last = this.lastUri;
		if (last != null && last.url().equals(url)) {
			return last.uri();
		}
		URI uri = ServletServerHttpRequest.initURI(request);
		this.lastUri = new RequestUri(url, uri);
		return uri;
	}

	private record RequestUri(String url, URI uri) {
	}

	/**
	 * Turns a GraphQL request into the HTTP response.
	 */
	@FunctionalInterface
	public interface Responder {

		/**
		 * Execute the request and return the response to write.
		 */
		ServerResponse respond(WebGraphQlRequest request) throws ServletException;

	}

	private interface Reader {

		WebGraphQlRequest read(ServerRequest request);

	}

	private static MultiValueMap<String, HttpCookie> cookies(ServerRequest request) {
		MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>();
		request.cookies().forEach((name, values) -> {
			for (Cookie cookie : values) {
				cookies.add(name, new HttpCookie(cookie.getName(), cookie.getValue()));
			}
		});
		return cookies;
	}

}
