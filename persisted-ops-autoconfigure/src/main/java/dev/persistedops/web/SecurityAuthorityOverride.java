package dev.persistedops.web;

import java.util.Set;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.Assert;

/**
 * Allows a request whose authenticated user has one of the given authorities, the same on
 * every stack: on WebFlux the user comes from {@link ReactiveSecurityContextHolder}; on
 * Spring MVC from the {@link SecurityContextHolder} of the request, which Spring for
 * GraphQL carries into the reactive chain (for WebSocket, the user of the handshake).
 * Create one with {@link NonPersistedOperationOverride#hasAuthority(String)}.
 */
final class SecurityAuthorityOverride implements NonPersistedOperationOverride {

	private static final ContextSnapshotFactory SNAPSHOTS = ContextSnapshotFactory.builder().build();

	private final Set<String> authorities;

	SecurityAuthorityOverride(Set<String> authorities) {
		Assert.notEmpty(authorities, "At least one authority is required");
		Assert.noNullElements(authorities, "An authority must not be null");
		this.authorities = Set.copyOf(authorities);
	}

	@Override
	public Mono<Boolean> allows(WebGraphQlRequest request) {
		return ReactiveSecurityContextHolder.getContext()
			.flatMap((context) -> Mono.justOrEmpty(context.getAuthentication()))
			.switchIfEmpty(Mono.deferContextual((context) -> Mono.justOrEmpty(fromThreadLocals(context))))
			.map(this::hasAnyAuthority)
			.defaultIfEmpty(false);
	}

	@SuppressWarnings("try")
	private static @Nullable Authentication fromThreadLocals(ContextView context) {
		try (ContextSnapshot.Scope scope = SNAPSHOTS.setThreadLocalsFrom(context)) {
			return SecurityContextHolder.getContext().getAuthentication();
		}
	}

	private boolean hasAnyAuthority(Authentication authentication) {
		if (!authentication.isAuthenticated()) {
			return false;
		}
		for (GrantedAuthority granted : authentication.getAuthorities()) {
			if (granted.getAuthority() != null && this.authorities.contains(granted.getAuthority())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return "hasAnyAuthority" + this.authorities;
	}

}
