package dev.persistedops.store;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * Signalled by a store that cannot be asked right now: it did not answer in time, or it
 * failed so recently that asking again would only make requests wait. It may say when
 * asking again is worthwhile, which HTTP answers pass on as {@code Retry-After}.
 */
public class StoreUnavailableException extends RuntimeException {

	private final @Nullable Duration retryAfter;

	public StoreUnavailableException(String message) {
		this(message, null, null);
	}

	public StoreUnavailableException(String message, @Nullable Throwable cause) {
		this(message, cause, null);
	}

	/**
	 * Create an exception.
	 * @param message what failed, in one line
	 * @param cause the failure of the store, if any
	 * @param retryAfter how long until asking again is worthwhile, or {@code null} if
	 * unknown
	 */
	public StoreUnavailableException(String message, @Nullable Throwable cause, @Nullable Duration retryAfter) {
		super(message, cause);
		this.retryAfter = retryAfter;
	}

	/**
	 * Return how long until asking the store again is worthwhile, or {@code null} if
	 * unknown.
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

}
