package dev.persistedops.web.servlet;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

import dev.persistedops.publish.EndpointResponse;
import dev.persistedops.publish.PublishingEndpoint;

import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * The Spring MVC route of a {@link PublishingEndpoint}: reads the raw body, refusing one
 * over the size limit with 413 before reading past it, and writes the endpoint's JSON
 * answer.
 */
public final class PublishingRoutes {

	private PublishingRoutes() {
	}

	/**
	 * Route POST requests on the given path to the endpoint.
	 */
	public static RouterFunction<ServerResponse> route(String path, PublishingEndpoint endpoint, long maxBodyBytes) {
		Assert.isTrue(maxBodyBytes > 0 && maxBodyBytes < Integer.MAX_VALUE, "maxBodyBytes must be positive and < 2GB");
		return RouterFunctions.route().POST(path, (request) -> handle(request, endpoint, maxBodyBytes)).build();
	}

	private static ServerResponse handle(ServerRequest request, PublishingEndpoint endpoint, long maxBodyBytes)
			throws IOException {
		if (request.headers().contentLength().orElse(0) > maxBodyBytes) {
			return write(EndpointResponse.tooLarge(maxBodyBytes));
		}
		byte[] body;
		try (InputStream input = request.servletRequest().getInputStream()) {
			body = input.readNBytes((int) maxBodyBytes + 1);
		}
		if (body.length > maxBodyBytes) {
			return write(EndpointResponse.tooLarge(maxBodyBytes));
		}
		if (body.length == 0 && isForm(request)) {
			// A filter that read the form parameters (a logging filter, say) consumed
			// the body.
			body = formOf(request.servletRequest().getParameterMap()).getBytes(StandardCharsets.UTF_8);
		}
		return ServerResponse
			.async(endpoint.handle(request.headers().asHttpHeaders(), body).map(PublishingRoutes::write).toFuture());
	}

	private static boolean isForm(ServerRequest request) {
		return request.headers().contentType().filter(MediaType.APPLICATION_FORM_URLENCODED::includes).isPresent();
	}

	private static String formOf(Map<String, String[]> parameters) {
		StringJoiner form = new StringJoiner("&");
		parameters.forEach((name, values) -> {
			for (String value : values) {
				form.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
						+ URLEncoder.encode(value, StandardCharsets.UTF_8));
			}
		});
		return form.toString();
	}

	private static ServerResponse write(EndpointResponse response) {
		return ServerResponse.status(response.status()).contentType(MediaType.APPLICATION_JSON).body(response.body());
	}

}
