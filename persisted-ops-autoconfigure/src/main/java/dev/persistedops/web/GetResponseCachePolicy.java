package dev.persistedops.web;

import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.ETag;
import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * The cache headers of the responses to GET requests for persisted queries, the one
 * GraphQL request a CDN or a shared cache can keep. A response is cacheable only when it
 * has data and no errors and the request carried no credentials ({@code Authorization} or
 * {@code Cookie}, unless allowed); it then gets the configured {@code Cache-Control}
 * (none by default) and a weak {@code ETag} computed from its content, and a request
 * whose {@code If-None-Match} names that tag is answered 304. Any other response is
 * marked {@code private, no-cache, must-revalidate}, as misses and refusals are. Every
 * response varies on {@code Accept} (its media type follows it) and on the headers the
 * application declares.
 * <p>
 * The query runs either way: a 304 saves the transfer, the cache in front saves the run.
 * A {@code Cache-Control} an earlier interceptor set on the response is kept.
 */
public final class GetResponseCachePolicy {

	/** The {@code Cache-Control} of responses no cache may keep. */
	public static final String NOT_CACHEABLE = "private, no-cache, must-revalidate";

	private final @Nullable String cacheControl;

	private final List<String> vary;

	private final boolean cacheCredentialed;

	private final JsonMapper jsonMapper;

	/**
	 * Create a policy.
	 * @param cacheControl the {@code Cache-Control} of cacheable responses, or
	 * {@code null} to add none
	 * @param vary the request headers, besides {@code Accept}, that responses depend on
	 * @param cacheCredentialed whether responses to requests that carry credentials may
	 * be cacheable too
	 * @param jsonMapper to serialize responses with for their {@code ETag}
	 */
	public GetResponseCachePolicy(@Nullable String cacheControl, List<String> vary, boolean cacheCredentialed,
			JsonMapper jsonMapper) {
		Assert.notNull(vary, "vary is required");
		Assert.notNull(jsonMapper, "jsonMapper is required");
		this.cacheControl = StringUtils.hasText(cacheControl) ? cacheControl : null;
		this.vary = varying(vary);
		this.cacheCredentialed = cacheCredentialed;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Set the cache headers of the response to a GET request.
	 * @return whether the client's copy is current, so that the answer is 304 Not
	 * Modified with these headers and no body
	 */
	public boolean applyTo(WebGraphQlRequest request, WebGraphQlResponse response) {
		HttpHeaders headers = response.getResponseHeaders();
		List<String> vary = new ArrayList<>(headers.getVary());
		this.vary.stream().filter((name) -> vary.stream().noneMatch(name::equalsIgnoreCase)).forEach(vary::add);
		headers.setVary(vary);
		if (!isCacheable(request, response)) {
			if (headers.getCacheControl() == null) {
				headers.setCacheControl(NOT_CACHEABLE);
			}
			return false;
		}
		if (this.cacheControl != null && headers.getCacheControl() == null) {
			headers.setCacheControl(this.cacheControl);
		}
		ETag etag = new ETag(digest(response), true);
		headers.setETag(etag.formattedTag());
		return matches(request.getHeaders(), etag);
	}

	private boolean isCacheable(WebGraphQlRequest request, WebGraphQlResponse response) {
		if (!response.isValid() || !response.getErrors().isEmpty()
				|| response.getExecutionResult().getData() instanceof Publisher<?>) {
			return false;
		}
		HttpHeaders requestHeaders = request.getHeaders();
		return this.cacheCredentialed || !(requestHeaders.containsHeader(HttpHeaders.AUTHORIZATION)
				|| requestHeaders.containsHeader(HttpHeaders.COOKIE));
	}

	private String digest(WebGraphQlResponse response) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
				this.jsonMapper.writeValue(out, response.toMap());
			}
			return HexFormat.of().formatHex(digest.digest(), 0, 16);
		}
		catch (NoSuchAlgorithmException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean matches(HttpHeaders requestHeaders, ETag etag) {
		for (String value : requestHeaders.getOrEmpty(HttpHeaders.IF_NONE_MATCH)) {
			for (ETag sent : ETag.parse(value)) {
				if (sent.isWildcard() || sent.compare(etag, false)) {
					return true;
				}
			}
		}
		return false;
	}

	private static List<String> varying(List<String> declared) {
		List<String> vary = new ArrayList<>(List.of(HttpHeaders.ACCEPT));
		declared.stream()
			.filter(StringUtils::hasText)
			.map(String::trim)
			.filter((name) -> vary.stream().noneMatch(name::equalsIgnoreCase))
			.forEach(vary::add);
		return List.copyOf(vary);
	}

}
