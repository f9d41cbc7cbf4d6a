package dev.persistedops.web;

/**
 * What the starter decided for one request: the outcomes that events and metrics count.
 */
public enum PersistedOperationOutcome {

	/** A document looked up by id ran. */
	PERSISTED("persisted"),

	/** A sent document matched a stored one (safelist mode) and ran as that document. */
	SAFELISTED("safelisted"),

	/** A sent document ran; enforcement is off. */
	SENT("sent"),

	/** A sent document ran and was reported (audit mode). */
	AUDITED("audited"),

	/** A sent document ran because an override allowed it. */
	OVERRIDE_ALLOWED("override_allowed"),

	/** A sent document was refused: only persisted documents may run. */
	REFUSED("refused"),

	/** The id is not in the store. */
	NOT_FOUND("not_found"),

	/** The id breaks the id rule, or the request carries neither an id nor a document. */
	ID_INVALID("id_invalid"),

	/** The request sent a document that is not the one stored under its id. */
	DOCUMENT_MISMATCH("document_mismatch"),

	/** The store could not be asked. */
	STORE_UNAVAILABLE("store_unavailable"),

	/** A client registered a document (automatic persisted queries), which then ran. */
	APQ_REGISTERED("apq_registered");

	private final String tagValue;

	PersistedOperationOutcome(String tagValue) {
		this.tagValue = tagValue;
	}

	/**
	 * Return the name used in logs and metric tags.
	 */
	public String tagValue() {
		return this.tagValue;
	}

	/**
	 * Whether what ran, if anything, was a persisted document.
	 */
	public boolean ranPersistedDocument() {
		return this == PERSISTED || this == SAFELISTED || this == APQ_REGISTERED;
	}

}
