package dev.persistedops.web;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.StringUtils;

/**
 * The rule for the {@code Content-Type} of requests on the GraphQL path, checked on the
 * raw header before the web framework parses it (Spring MVC answers a wildcard
 * {@code Content-Type} with a 500 before any handler runs). A body must be JSON:
 * {@code application/json}, any {@code application/*+json}, or the legacy
 * {@code application/graphql} that Spring for GraphQL also reads as JSON, in a charset
 * the JVM knows. A header that cannot be parsed or has a wildcard is refused on any
 * method. Everything refused is answered with 415 and a GraphQL-shaped body.
 */
public final class RequestContentType {

	/** The code of the error that answers a content type that is not read. */
	public static final String UNSUPPORTED = "UNSUPPORTED_MEDIA_TYPE";

	private static final List<MediaType> READ_AS_JSON = List.of(MediaType.APPLICATION_JSON,
			new MediaType("application", "*+json"), PersistedRequestBody.APPLICATION_GRAPHQL);

	private static volatile @Nullable Accepted lastAccepted;

	private RequestContentType() {
	}

	/**
	 * Check the {@code Content-Type} header of a request and return the charset to read
	 * its body with.
	 * @param header the raw header, or {@code null} if there is none
	 * @param withBody whether the request carries a GraphQL request in its body (a POST)
	 * @return the charset of the body: the one the header names, UTF-8 otherwise
	 * @throws InvalidGraphQlRequestException with status 415 if the header is refused
	 */
	public static Charset check(@Nullable String header, boolean withBody) {
		// Clients send the same header on every request: the last one accepted is known.
		Accepted last = lastAccepted;
		if (last != null && last.withBody() == withBody && last.header().equals(header)) {
			return last.charset();
		}
		Charset charset = parse(header, withBody);
		if (header != null) {
			lastAccepted = new Accepted(header, withBody, charset);
		}
		return charset;
	}

	private static Charset parse(@Nullable String header, boolean withBody) {
		if (!StringUtils.hasText(header)) {
			if (withBody) {
				throw unsupported("The request has no Content-Type: send the body as application/json");
			}
			return StandardCharsets.UTF_8;
		}
		MediaType contentType;
		Charset charset;
		try {
			contentType = MediaType.parseMediaType(header);
			charset = contentType.getCharset();
		}
		catch (IllegalArgumentException ex) {
			// InvalidMediaTypeException, and an unknown or illegal charset name
			throw unsupported("The Content-Type cannot be parsed: send the body as application/json");
		}
		if (contentType.isWildcardType() || contentType.isWildcardSubtype()) {
			throw unsupported("The Content-Type must name one media type: send the body as application/json");
		}
		if (withBody && READ_AS_JSON.stream().noneMatch((json) -> json.includes(contentType))) {
			throw unsupported("The Content-Type " + contentType.getType() + "/" + contentType.getSubtype()
					+ " is not supported: send the body as application/json");
		}
		return (charset != null) ? charset : StandardCharsets.UTF_8;
	}

	private record Accepted(String header, boolean withBody, Charset charset) {
	}

	private static InvalidGraphQlRequestException unsupported(String message) {
		return new InvalidGraphQlRequestException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, UNSUPPORTED, message);
	}

}
