package dev.persistedops.integration;

import reactor.core.scheduler.Schedulers;

import dev.persistedops.web.NonPersistedOperationOverride;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * {@link SecurityOverrideIntegrationTests} on WebFlux (Netty), behind a
 * {@link SecurityWebFilterChain}.
 */
@SpringBootTest(classes = { TestApplication.class, WebFluxSecurityOverrideIntegrationTests.Security.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.main.web-application-type=reactive",
				"spring.graphql.websocket.path=/graphql", "persisted-ops.enforcement.mode=enforce" })
class WebFluxSecurityOverrideIntegrationTests extends SecurityOverrideIntegrationTests {

	@Configuration(proxyBeanMethods = false)
	@EnableWebFluxSecurity
	static class Security {

		@Bean
		SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, MapReactiveUserDetailsService users) {
			// A stateless chain that authenticates on the calling thread. Seen here: when
			// the
			// chain moves the WebSocket upgrade off the event loop (a WebSession is
			// created on
			// another scheduler, or the password is checked there), the client's first
			// frame
			// is sometimes lost and the connection hangs (as in
			// reactor/reactor-netty#1089).
			UserDetailsRepositoryReactiveAuthenticationManager authentication = new UserDetailsRepositoryReactiveAuthenticationManager(
					users);
			authentication.setScheduler(Schedulers.immediate());
			return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
				.httpBasic((basic) -> basic.authenticationManager(authentication))
				.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
				.requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()))
				.csrf((csrf) -> csrf.disable())
				.build();
		}

		@Bean
		MapReactiveUserDetailsService users() {
			return new MapReactiveUserDetailsService(
					User.withUsername("staff").password("{noop}secret").roles("STAFF").build(),
					User.withUsername("reader").password("{noop}secret").roles("READER").build());
		}

		@Bean
		NonPersistedOperationOverride staffOverride() {
			return NonPersistedOperationOverride.hasAuthority("ROLE_STAFF");
		}

	}

}
