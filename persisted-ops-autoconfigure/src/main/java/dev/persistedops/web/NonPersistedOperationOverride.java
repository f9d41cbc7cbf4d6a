package dev.persistedops.web;

import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;

/**
 * The per-request override of only-persisted mode, declared as a bean by the application:
 * whether this request may run a document that was not looked up by id (a staff header, a
 * Spring Security role, an internal network). It is asked only when only-persisted mode
 * is on and the request sent a document; it is asked for every transport (HTTP POST, GET,
 * SSE, WebSocket). With several such beans, one that allows is enough.
 */
@FunctionalInterface
public interface NonPersistedOperationOverride {

	/**
	 * Decide whether the request may run the document it sent.
	 * @param request the whole request: headers, attributes, document, variables
	 * @return {@code true} to allow it; {@code false}, empty or an error to refuse it
	 */
	Mono<Boolean> allows(WebGraphQlRequest request);

	/**
	 * Return an override that allows a request whose authenticated user (Spring Security)
	 * has the given authority, such as {@code ROLE_STAFF}, on Spring MVC and WebFlux
	 * alike, over HTTP and WebSocket. Needs {@code spring-security-core} on the
	 * classpath.
	 * @param authority the authority that allows the request
	 */
	static NonPersistedOperationOverride hasAuthority(String authority) {
		return new SecurityAuthorityOverride(Set.of(authority));
	}

	/**
	 * Return an override that allows a request whose authenticated user (Spring Security)
	 * has any of the given authorities; see {@link #hasAuthority(String)}.
	 * @param authorities the authorities, any of which allows the request
	 */
	static NonPersistedOperationOverride hasAnyAuthority(String... authorities) {
		return new SecurityAuthorityOverride(Set.of(authorities));
	}

}
