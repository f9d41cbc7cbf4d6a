package dev.persistedops.autoconfigure;

import dev.persistedops.execution.SchemaValidationMode;

/**
 * Checking stored documents against the schema, bound to
 * {@code persisted-ops.validation}.
 */
public class ValidationProperties {

	static final String MODE = "persisted-ops.validation.mode";

	/**
	 * What stored documents that are not valid against the schema do, checked at startup
	 * (the store's documents, and those published at startup) and on each reload: fail
	 * (startup fails; a reload is not taken), warn (logged, and each fails when
	 * requested) or off (not checked). Unless off, valid documents are parsed and
	 * validated then, so their first request skips both.
	 */
	private SchemaValidationMode mode = SchemaValidationMode.WARN;

	public SchemaValidationMode getMode() {
		return this.mode;
	}

	public void setMode(SchemaValidationMode mode) {
		this.mode = mode;
	}

}
