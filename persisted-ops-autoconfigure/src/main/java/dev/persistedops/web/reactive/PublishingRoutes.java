package dev.persistedops.web.reactive;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import dev.persistedops.publish.EndpointResponse;
import dev.persistedops.publish.PublishingEndpoint;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.MediaType;
import org.springframework.util.Assert;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The WebFlux route of a {@link PublishingEndpoint}: reads the raw body, refusing one
 * over the size limit with 413 without buffering past it, and writes the endpoint's JSON
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

	private static Mono<ServerResponse> handle(ServerRequest request, PublishingEndpoint endpoint, long maxBodyBytes) {
		if (request.headers().contentLength().orElse(0) > maxBodyBytes) {
			return write(EndpointResponse.tooLarge(maxBodyBytes));
		}
		return DataBufferUtils.join(request.bodyToFlux(DataBuffer.class), (int) maxBodyBytes).map((buffer) -> {
			byte[] bytes = new byte[buffer.readableByteCount()];
			buffer.read(bytes);
			DataBufferUtils.release(buffer);
			return bytes;
		})
			.defaultIfEmpty(new byte[0])
			// Parsing and validating operations is CPU work: keep it off the event loop.
			.flatMap((body) -> Mono.defer(() -> endpoint.handle(request.headers().asHttpHeaders(), body))
				.subscribeOn(Schedulers.boundedElastic()))
			.onErrorResume(DataBufferLimitException.class, (ex) -> Mono.just(EndpointResponse.tooLarge(maxBodyBytes)))
			.flatMap(PublishingRoutes::write);
	}

	private static Mono<ServerResponse> write(EndpointResponse response) {
		return ServerResponse.status(response.status())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(response.body());
	}

}
