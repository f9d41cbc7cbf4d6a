package dev.persistedops.autoconfigure;

import org.jspecify.annotations.Nullable;

import dev.persistedops.document.HashAlgorithm;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * The endpoint relay-compiler's {@code persistConfig.url} posts operations to at build
 * time, bound to {@code persisted-ops.relay}.
 */
public class RelayProperties {

	/**
	 * Whether the Relay persist endpoint is enabled.
	 */
	private boolean enabled = false;

	/**
	 * Path of the Relay persist endpoint.
	 */
	private String path = "/persisted-operations/relay";

	/**
	 * Header that must carry the token (set it in persistConfig.headers).
	 */
	private String tokenHeader = "X-Persist-Token";

	/**
	 * Digest of an operation's text that is its id, in lowercase hex. Relay computes md5.
	 */
	private HashAlgorithm hashAlgorithm = HashAlgorithm.MD5;

	/**
	 * Token a request must carry in the token header. Required when the endpoint is
	 * enabled.
	 */
	private @Nullable String token;

	/**
	 * Largest request body accepted.
	 */
	private DataSize maxBodySize = DataSize.ofKilobytes(256);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public String getTokenHeader() {
		return this.tokenHeader;
	}

	public void setTokenHeader(String tokenHeader) {
		this.tokenHeader = tokenHeader;
	}

	public HashAlgorithm getHashAlgorithm() {
		return this.hashAlgorithm;
	}

	public void setHashAlgorithm(HashAlgorithm hashAlgorithm) {
		this.hashAlgorithm = hashAlgorithm;
	}

	public @Nullable String getToken() {
		return this.token;
	}

	public void setToken(@Nullable String token) {
		this.token = token;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	/**
	 * Return the token; only called once {@link #validate()} has passed.
	 */
	String requiredToken() {
		String token = this.token;
		if (token == null) {
			throw new IllegalStateException("The Relay persist endpoint has no token");
		}
		return token;
	}

	/**
	 * Check that an enabled endpoint has what it needs.
	 * @throws InvalidConfigurationPropertyValueException if it has no token
	 */
	void validate() {
		if (this.enabled && !StringUtils.hasText(this.token)) {
			throw new InvalidConfigurationPropertyValueException("persisted-ops.relay.token", null,
					"The Relay persist endpoint is enabled, so it needs a token that requests must carry");
		}
	}

}
