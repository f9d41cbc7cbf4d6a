package dev.persistedops.autoconfigure;

import java.time.Duration;

import dev.persistedops.execution.SchemaValidationMode;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Checking stored documents against the schema, bound to
 * {@code persisted-ops.validation}.
 */
public class ValidationProperties {

	static final String MODE = "persisted-ops.validation.mode";

	static final String BACKGROUND_DELAY = "persisted-ops.validation.background-delay";

	/**
	 * What stored documents that are not valid against the schema do, checked at startup
	 * (the store's documents, and those published at startup) and on each reload: fail
	 * (startup fails; a reload is not taken), warn (logged, and each fails when
	 * requested) or off (not checked). Unless off, valid documents are parsed and
	 * validated then, so their first request skips both.
	 */
	private SchemaValidationMode mode = SchemaValidationMode.WARN;

	/**
	 * In warn mode, how long after the application is ready a store of more than 1,000
	 * documents starts being checked in the background, so that the check does not take
	 * the CPU from the first requests while the JIT is still compiling their path. Zero
	 * starts it at once.
	 */
	private Duration backgroundDelay = Duration.ofSeconds(5);

	public SchemaValidationMode getMode() {
		return this.mode;
	}

	public void setMode(SchemaValidationMode mode) {
		this.mode = mode;
	}

	public Duration getBackgroundDelay() {
		return this.backgroundDelay;
	}

	public void setBackgroundDelay(Duration backgroundDelay) {
		this.backgroundDelay = backgroundDelay;
	}

	/**
	 * Check that the background delay is not negative.
	 * @throws InvalidConfigurationPropertyValueException naming the property to fix
	 */
	void validate() {
		if (this.backgroundDelay.isNegative()) {
			throw new InvalidConfigurationPropertyValueException(BACKGROUND_DELAY, this.backgroundDelay,
					"The delay must not be negative: use 0 to start the check as soon as the application is ready");
		}
	}

}
