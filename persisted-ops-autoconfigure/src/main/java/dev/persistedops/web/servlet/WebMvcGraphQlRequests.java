package dev.persistedops.web.servlet;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;

import org.jspecify.annotations.Nullable;

import dev.persistedops.web.GetRequestParameters;
import dev.persistedops.web.InvalidGraphQlRequestException;
import dev.persistedops.web.PersistedRequestBody;
import dev.persistedops.web.TransportAttributes;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpCookie;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.AlternativeJdkIdGenerator;
import org.springframework.util.Assert;
import org.springframework.util.IdGenerator;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Builds {@link WebGraphQlRequest}s from Spring MVC requests, including the ones Spring
 * for GraphQL does not read: POST bodies with an id and no {@code query}, and GET
 * requests. A request that is not a GraphQL request at all is answered here, with 400.
 */
public final class WebMvcGraphQlRequests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
	};

	private final PersistedRequestBody body;

	private final GetRequestParameters getParameters;

	private final IdGenerator idGenerator = new AlternativeJdkIdGenerator();

	public WebMvcGraphQlRequests(PersistedRequestBody body, GetRequestParameters getParameters) {
		Assert.notNull(body, "body is required");
		Assert.notNull(getParameters, "getParameters is required");
		this.body = body;
		this.getParameters = getParameters;
	}

	/**
	 * Read the GraphQL request from a POST body and answer it with the given responder,
	 * or with 400 if the body is not a GraphQL request.
	 */
	public ServerResponse handleBody(ServerRequest request, Responder responder) throws ServletException {
		return handle(request, this::fromBody, responder);
	}

	/**
	 * Read the GraphQL request from the query parameters of a GET request and answer it
	 * with the given responder, or with 400 if the parameters are not a GraphQL request.
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
			return badRequest(ex);
		}
		return responder.respond(graphQlRequest);
	}

	private static ServerResponse badRequest(InvalidGraphQlRequestException ex) {
		return ServerResponse.badRequest().contentType(MediaType.APPLICATION_JSON).body(ex.toResponseBody());
	}

	/**
	 * Read the GraphQL request from a POST body.
	 * @throws InvalidGraphQlRequestException if the body is not a GraphQL request
	 * @throws ServletException if the body's content type cannot be read
	 */
	public WebGraphQlRequest fromBody(ServerRequest request) throws ServletException {
		Map<String, Object> raw;
		try {
			raw = readJson(request);
		}
		catch (HttpMessageNotReadableException | IOException ex) {
			throw new InvalidGraphQlRequestException("The request body is not a JSON object");
		}
		if (raw == null) {
			throw new InvalidGraphQlRequestException("The request body is empty");
		}
		return create(request, this.body.normalize(raw));
	}

	private static @Nullable Map<String, Object> readJson(ServerRequest request) throws ServletException, IOException {
		try {
			return request.body(JSON_OBJECT);
		}
		catch (HttpMediaTypeNotSupportedException ex) {
			// As Spring for GraphQL does: some clients still send JSON as
			// application/graphql.
			if (!isApplicationGraphQl(request)) {
				throw ex;
			}
			return ServerRequest.from(request)
				.headers((headers) -> headers.setContentType(MediaType.APPLICATION_JSON))
				.body(request.body(byte[].class))
				.build()
				.body(JSON_OBJECT);
		}
	}

	private static boolean isApplicationGraphQl(ServerRequest request) {
		return request.headers().contentType().filter(PersistedRequestBody.APPLICATION_GRAPHQL::includes).isPresent();
	}

	/**
	 * Read the GraphQL request from the query parameters of a GET request, and mark it as
	 * a GET request so that it may only run a query.
	 * @throws InvalidGraphQlRequestException if the parameters are not a GraphQL request
	 */
	public WebGraphQlRequest fromQueryParameters(ServerRequest request) {
		Map<String, Object> body = this.body.normalize(this.getParameters.toBody(request.params()));
		request.attributes().put(TransportAttributes.GET, Boolean.TRUE);
		return create(request, body);
	}

	private WebGraphQlRequest create(ServerRequest request, Map<String, Object> body) {
		try {
			return new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(), cookies(request),
					request.remoteAddress().orElse(null), request.attributes(), body,
					this.idGenerator.generateId().toString(), LocaleContextHolder.getLocale());
		}
		catch (ServerWebInputException ex) {
			throw new InvalidGraphQlRequestException("The request has no 'query' and no operation id");
		}
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

		WebGraphQlRequest read(ServerRequest request) throws ServletException;

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
