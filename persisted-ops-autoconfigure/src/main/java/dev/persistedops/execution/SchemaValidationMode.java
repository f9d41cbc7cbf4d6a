package dev.persistedops.execution;

/**
 * What happens to stored documents that are not valid against the schema when they are
 * checked: at startup, and when a file store reloads.
 */
public enum SchemaValidationMode {

	/**
	 * Refuse them: startup fails, a reload is not taken and the previous documents stay.
	 */
	FAIL,

	/** Log them as a warning and serve them anyway: each fails when it is requested. */
	WARN,

	/** Do not check documents, and do not parse them before they are first requested. */
	OFF

}
