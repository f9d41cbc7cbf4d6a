package dev.persistedops.integration;

import dev.persistedops.web.NonPersistedOperationOverride;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * {@link SecurityOverrideIntegrationTests} on Spring MVC (Tomcat), behind a servlet
 * {@link SecurityFilterChain}.
 */
@SpringBootTest(classes = { TestApplication.class, WebMvcSecurityOverrideIntegrationTests.Security.class },
		webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "spring.main.web-application-type=servlet",
				"spring.graphql.websocket.path=/graphql", "persisted-ops.enforcement.mode=enforce" })
class WebMvcSecurityOverrideIntegrationTests extends SecurityOverrideIntegrationTests {

	@Configuration(proxyBeanMethods = false)
	@EnableWebSecurity
	static class Security {

		@Bean
		SecurityFilterChain securityFilterChain(HttpSecurity http) {
			return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable())
				.build();
		}

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("staff").password("{noop}secret").roles("STAFF").build(),
					User.withUsername("reader").password("{noop}secret").roles("READER").build());
		}

		@Bean
		NonPersistedOperationOverride staffOverride() {
			return NonPersistedOperationOverride.hasAuthority("ROLE_STAFF");
		}

	}

}
