package dev.persistedops.web;

import org.jspecify.annotations.Nullable;

/**
 * The client a request says it comes from, read from request headers such as
 * {@code apollographql-client-name}. It is informational (for audit lines, events and
 * metrics, and for an override to look at), never a credential: any client can send any
 * name.
 *
 * @param name the client's name
 * @param version the client's version, or {@code null} if it sent none
 */
public record ClientIdentity(String name, @Nullable String version) {

	@Override
	public String toString() {
		return (this.version != null) ? this.name + " " + this.version : this.name;
	}

}
