package dev.persistedops.execution;

import java.util.Map;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.util.Assert;

/**
 * Checks a set of stored documents against the schema as a whole (at startup, and before
 * a reload is served) and keeps the valid ones parsed: each goes into the
 * {@link PersistedDocumentCache} exactly as {@link PersistedDocumentProvider} would have
 * put it there on its first request, so that request does no parse or validation. The
 * {@link SchemaValidationMode} decides what invalid documents do.
 */
public final class StoredDocumentCheck {

	private static final Log logger = LogFactory.getLog(StoredDocumentCheck.class);

	private final OperationValidator validator;

	private final PersistedDocumentCache cache;

	private final SchemaValidationMode mode;

	private final String modeSetting;

	/**
	 * Create a check.
	 * @param validator validates documents against the application's schema
	 * @param cache where the parsed form of valid documents goes
	 * @param mode what invalid documents do
	 * @param modeSetting the setting that chose the mode, named in messages
	 */
	public StoredDocumentCheck(OperationValidator validator, PersistedDocumentCache cache, SchemaValidationMode mode,
			String modeSetting) {
		Assert.notNull(validator, "validator is required");
		Assert.notNull(cache, "cache is required");
		Assert.notNull(mode, "mode is required");
		Assert.hasText(modeSetting, "modeSetting is required");
		this.validator = validator;
		this.cache = cache;
		this.mode = mode;
		this.modeSetting = modeSetting;
	}

	/**
	 * Return what invalid documents do.
	 */
	public SchemaValidationMode mode() {
		return this.mode;
	}

	/**
	 * Check the given documents, unless the mode is {@link SchemaValidationMode#OFF}, and
	 * keep the valid ones parsed (as many as the cache holds). Invalid documents fail the
	 * check in {@link SchemaValidationMode#FAIL} mode, and are logged as a warning
	 * otherwise.
	 * @param what which documents these are, completing "persisted documents", such as
	 * "in the store"
	 * @param documents the documents, by the key they are stored under
	 * @param sourceOf where the document of a key came from, or {@code null}
	 * @return what the check found, or {@code null} if the mode is off
	 * @throws InvalidStoredDocumentsException if a document is not valid and the mode is
	 * {@link SchemaValidationMode#FAIL}; nothing is kept parsed then
	 */
	public @Nullable DocumentValidationReport check(String what, Map<String, String> documents,
			Function<String, @Nullable String> sourceOf) {
		if (this.mode == SchemaValidationMode.OFF) {
			return null;
		}
		DocumentValidationReport report = this.validator.validate(documents, sourceOf, this.cache.maximumSize());
		if (!report.isValid()) {
			if (this.mode == SchemaValidationMode.FAIL) {
				throw new InvalidStoredDocumentsException(what, report);
			}
			logger.warn(report.describe(what) + System.lineSeparator() + "They are served, and each fails when it "
					+ "is requested; " + this.modeSetting + "=fail refuses them.");
		}
		this.cache.prewarm(report.entries());
		if (logger.isDebugEnabled()) {
			logger.debug("Checked " + report.checked() + " persisted documents " + what + " against the schema; "
					+ report.entries().size() + " distinct valid texts kept parsed");
		}
		return report;
	}

}
