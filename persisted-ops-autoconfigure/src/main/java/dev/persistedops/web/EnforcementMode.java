package dev.persistedops.web;

/**
 * How strictly documents that were not persisted are treated: the steps of a rollout,
 * from watching to refusing.
 */
public enum EnforcementMode {

	/** Every document runs. */
	OFF,

	/**
	 * Every document runs, and each one that was not persisted is reported (a
	 * rate-limited log line, and an event for metrics), to learn what enforcement would
	 * refuse.
	 */
	AUDIT,

	/**
	 * A sent document runs only if it matches a stored document (ignoring insignificant
	 * whitespace, comments and the order of top-level definitions), and then runs as that
	 * stored document. Ids run as always.
	 */
	SAFELIST,

	/** Only documents looked up by id run. */
	ENFORCE;

	/**
	 * Whether documents that are not persisted are refused, unless an override allows
	 * them.
	 */
	public boolean refusesNonPersisted() {
		return this == SAFELIST || this == ENFORCE;
	}

}
