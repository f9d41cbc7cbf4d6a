package dev.persistedops.store;

import org.jspecify.annotations.Nullable;
import reactor.core.Fuseable;
import reactor.core.publisher.Mono;

/**
 * The answer a {@code Mono} already holds ({@code Mono.just}, {@code Mono.justOrEmpty},
 * {@code Mono.empty}), read without subscribing to it. A lookup served from memory, or a
 * decision that needs no waiting, is then acted on at once instead of through a pipeline
 * of operators, which on the hot path of a persisted request costs more than the lookup
 * itself.
 *
 * @param <T> the type of the value
 * @param value the value, or {@code null} if the {@code Mono} is empty
 */
public record ImmediateAnswer<T>(@Nullable T value) {

	/**
	 * Return the answer the given {@code Mono} holds.
	 * @return the answer, or {@code null} if it is only known by subscribing (the
	 * {@code Mono} waits for something, or signals an error)
	 */
	@SuppressWarnings("unchecked")
	public static <T> @Nullable ImmediateAnswer<T> of(Mono<T> mono) {
		if (!(mono instanceof Fuseable.ScalarCallable<?> scalar)) {
			return null;
		}
		try {
			return new ImmediateAnswer<>((T) scalar.call());
		}
		catch (Exception ex) {
			// An error signal: left to the subscriber, which handles errors.
			return null;
		}
	}

}
