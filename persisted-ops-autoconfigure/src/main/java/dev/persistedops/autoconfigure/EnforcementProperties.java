package dev.persistedops.autoconfigure;

import java.time.Duration;

import dev.persistedops.web.EnforcementMode;

import org.springframework.util.unit.DataSize;

/**
 * How documents that were not persisted are treated, bound to
 * {@code persisted-ops.enforcement}: the rollout from watching to refusing.
 */
public class EnforcementProperties {

	/**
	 * How documents sent instead of an id are treated: off (every document runs), audit
	 * (every document runs, and each one not persisted is logged and counted), safelist
	 * (a sent document runs only if it matches a stored one), enforce (only documents
	 * looked up by id run). In safelist and enforce modes a NonPersistedOperationOverride
	 * bean may allow a request anyway.
	 */
	private EnforcementMode mode = EnforcementMode.OFF;

	private final Audit audit = new Audit();

	private final Safelist safelist = new Safelist();

	public EnforcementMode getMode() {
		return this.mode;
	}

	public void setMode(EnforcementMode mode) {
		this.mode = mode;
	}

	public Audit getAudit() {
		return this.audit;
	}

	public Safelist getSafelist() {
		return this.safelist;
	}

	/**
	 * Audit mode.
	 */
	public static class Audit {

		/**
		 * How long a document that was logged as not persisted is not logged again.
		 */
		private Duration logInterval = Duration.ofHours(1);

		/**
		 * Maximum number of documents remembered as logged.
		 */
		private long maximumDocuments = 10_000;

		public Duration getLogInterval() {
			return this.logInterval;
		}

		public void setLogInterval(Duration logInterval) {
			this.logInterval = logInterval;
		}

		public long getMaximumDocuments() {
			return this.maximumDocuments;
		}

		public void setMaximumDocuments(long maximumDocuments) {
			this.maximumDocuments = maximumDocuments;
		}

	}

	/**
	 * Safelist mode.
	 */
	public static class Safelist {

		/**
		 * Maximum number of documents of a store that cannot list them (redis,
		 * azure-blob) remembered for matching, from lookups and saves through this
		 * instance.
		 */
		private long maximumLearned = 10_000;

		/**
		 * Maximum size of the remembered answers for sent documents, so that a document
		 * sent again is not parsed again.
		 */
		private DataSize maximumAnswerSize = DataSize.ofMegabytes(16);

		public long getMaximumLearned() {
			return this.maximumLearned;
		}

		public void setMaximumLearned(long maximumLearned) {
			this.maximumLearned = maximumLearned;
		}

		public DataSize getMaximumAnswerSize() {
			return this.maximumAnswerSize;
		}

		public void setMaximumAnswerSize(DataSize maximumAnswerSize) {
			this.maximumAnswerSize = maximumAnswerSize;
		}

	}

}
