package dev.persistedops.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import dev.persistedops.web.AutomaticPersistedQueries;

import org.springframework.util.unit.DataSize;

/**
 * Automatic persisted queries (Apollo's protocol), bound to {@code persisted-ops.apq}.
 */
public class ApqProperties {

	/**
	 * Whether clients may register documents at run time by sending them with their
	 * sha256 hash. When off, a registration is answered with PersistedQueryNotSupported.
	 */
	private boolean enabled = false;

	/**
	 * Largest document that may be registered, in UTF-8 bytes.
	 */
	private DataSize maxDocumentSize = DataSize.ofKilobytes(64);

	/**
	 * How long a registration is kept in a remote store (redis). Kept for good when not
	 * set.
	 */
	private @Nullable Duration timeToLive;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public DataSize getMaxDocumentSize() {
		return this.maxDocumentSize;
	}

	public void setMaxDocumentSize(DataSize maxDocumentSize) {
		this.maxDocumentSize = maxDocumentSize;
	}

	public @Nullable Duration getTimeToLive() {
		return this.timeToLive;
	}

	public void setTimeToLive(@Nullable Duration timeToLive) {
		this.timeToLive = timeToLive;
	}

	/**
	 * Return the settings of automatic persisted queries.
	 */
	AutomaticPersistedQueries.Settings toSettings() {
		return new AutomaticPersistedQueries.Settings(this.timeToLive, this.maxDocumentSize.toBytes());
	}

}
