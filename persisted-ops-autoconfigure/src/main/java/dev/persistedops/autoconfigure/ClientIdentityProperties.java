package dev.persistedops.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.persistedops.web.ClientIdentityResolver;

/**
 * Where a request names its client, bound to {@code persisted-ops.client-identity}. The
 * name is informational (audit lines, metrics, overrides may look at it), never a
 * credential.
 */
public class ClientIdentityProperties {

	/**
	 * Request headers that may carry the client's name, the first present wins.
	 */
	private List<String> nameHeaders = new ArrayList<>(List.of("apollographql-client-name", "graphql-client-name"));

	/**
	 * Request headers that may carry the client's version, the first present wins.
	 */
	private List<String> versionHeaders = new ArrayList<>(
			List.of("apollographql-client-version", "graphql-client-version"));

	/**
	 * Longest client name or version kept; longer ones are cut.
	 */
	private int maxLength = 64;

	public List<String> getNameHeaders() {
		return this.nameHeaders;
	}

	public void setNameHeaders(List<String> nameHeaders) {
		this.nameHeaders = nameHeaders;
	}

	public List<String> getVersionHeaders() {
		return this.versionHeaders;
	}

	public void setVersionHeaders(List<String> versionHeaders) {
		this.versionHeaders = versionHeaders;
	}

	public int getMaxLength() {
		return this.maxLength;
	}

	public void setMaxLength(int maxLength) {
		this.maxLength = maxLength;
	}

	ClientIdentityResolver toResolver() {
		return new ClientIdentityResolver(this.nameHeaders, this.versionHeaders, this.maxLength);
	}

}
