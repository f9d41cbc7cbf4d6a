package dev.persistedops.client.test;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import dev.persistedops.client.PersistedRequestBodies;

import org.springframework.core.ResolvableType;
import org.springframework.core.codec.Encoder;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.util.Assert;
import org.springframework.util.MimeType;

/**
 * A JSON encoder decorator that writes GraphQL request bodies as id-only bodies. It is
 * how {@code HttpGraphQlTester}, which has no client interceptors, sends ids: registered
 * as a custom codec of its {@code WebTestClient}, it sees the body map before it is
 * serialized. Every other value is encoded by the delegate unchanged.
 */
final class PersistedOperationEncoder implements Encoder<Object> {

	private final Encoder<Object> delegate;

	private final PersistedRequestBodies bodies;

	PersistedOperationEncoder(Encoder<Object> delegate, PersistedRequestBodies bodies) {
		Assert.notNull(delegate, "delegate is required");
		Assert.notNull(bodies, "bodies is required");
		this.delegate = delegate;
		this.bodies = bodies;
	}

	@Override
	public boolean canEncode(ResolvableType elementType, @Nullable MimeType mimeType) {
		return Map.class.isAssignableFrom(elementType.toClass()) && this.delegate.canEncode(elementType, mimeType);
	}

	@Override
	public Flux<DataBuffer> encode(Publisher<?> inputStream, DataBufferFactory bufferFactory,
			ResolvableType elementType, @Nullable MimeType mimeType, @Nullable Map<String, Object> hints) {
		// A Mono stays a Mono: the delegate writes a single value, not a JSON array, for
		// it.
		Publisher<Object> rewritten = (inputStream instanceof Mono<?> mono) ? mono.map(this::rewrite)
				: Flux.from(inputStream).map(this::rewrite);
		return this.delegate.encode(rewritten, bufferFactory, elementType, mimeType, hints);
	}

	@Override
	public DataBuffer encodeValue(Object value, DataBufferFactory bufferFactory, ResolvableType valueType,
			@Nullable MimeType mimeType, @Nullable Map<String, Object> hints) {
		return this.delegate.encodeValue(rewrite(value), bufferFactory, valueType, mimeType, hints);
	}

	@Override
	public List<MimeType> getEncodableMimeTypes() {
		return this.delegate.getEncodableMimeTypes();
	}

	@Override
	public List<MimeType> getEncodableMimeTypes(ResolvableType elementType) {
		return this.delegate.getEncodableMimeTypes(elementType);
	}

	private Object rewrite(Object value) {
		Map<String, Object> idOnly = this.bodies.idOnly(value);
		return (idOnly != null) ? idOnly : value;
	}

}
