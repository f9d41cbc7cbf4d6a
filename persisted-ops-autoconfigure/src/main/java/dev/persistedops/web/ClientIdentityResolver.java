package dev.persistedops.web;

import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.util.Assert;

/**
 * Reads a request's {@link ClientIdentity} from the first of the configured headers that
 * carries a safe value: one holding anything but letters, digits, space and
 * {@code - . _ ~ : / @ +} is skipped as a whole (the next header is tried), and a safe
 * one is cut to the maximum length, so that a name is safe to put in a log line or a
 * metric tag. An application's override can inject the resolver (a bean) to see the
 * client of a request.
 */
public final class ClientIdentityResolver {

	private final List<String> nameHeaders;

	private final List<String> versionHeaders;

	private final int maxLength;

	/**
	 * Create a resolver.
	 * @param nameHeaders the headers that may carry the client's name, in order of
	 * preference
	 * @param versionHeaders the headers that may carry its version, in order of
	 * preference
	 * @param maxLength the longest name or version kept
	 */
	public ClientIdentityResolver(List<String> nameHeaders, List<String> versionHeaders, int maxLength) {
		Assert.notNull(nameHeaders, "nameHeaders is required");
		Assert.notNull(versionHeaders, "versionHeaders is required");
		Assert.isTrue(maxLength > 0, "maxLength must be positive");
		this.nameHeaders = List.copyOf(nameHeaders);
		this.versionHeaders = List.copyOf(versionHeaders);
		this.maxLength = maxLength;
	}

	/**
	 * Return the client the request names, or {@code null} if it names none (or none that
	 * is safe to show).
	 */
	public @Nullable ClientIdentity resolve(WebGraphQlRequest request) {
		HttpHeaders headers = request.getHeaders();
		String name = first(headers, this.nameHeaders);
		return (name != null) ? new ClientIdentity(name, first(headers, this.versionHeaders)) : null;
	}

	/**
	 * Return the first safe value of the given headers, cut to the maximum length: an
	 * unsafe value is skipped as a whole, never shown in part.
	 */
	private @Nullable String first(HttpHeaders headers, List<String> names) {
		for (String header : names) {
			String value = headers.getFirst(header);
			if (value != null && !value.isBlank() && isSafe(value.strip())) {
				String trimmed = value.strip();
				return (trimmed.length() > this.maxLength) ? trimmed.substring(0, this.maxLength).stripTrailing()
						: trimmed;
			}
		}
		return null;
	}

	private static boolean isSafe(String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
					|| " -._~:/@+".indexOf(c) != -1;
			if (!allowed) {
				return false;
			}
		}
		return true;
	}

}
