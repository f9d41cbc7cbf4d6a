package dev.persistedops.sample;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Registers the {@link StaffHeaderOverride} when a non-empty staff secret is configured
 * ({@code sample.staff-secret}; the prod profile reads it from {@code STAFF_SECRET}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${sample.staff-secret:}'.isEmpty()")
class StaffOverrideConfiguration {

	@Bean
	StaffHeaderOverride staffHeaderOverride(Environment environment) {
		return new StaffHeaderOverride(environment.getRequiredProperty("sample.staff-secret"));
	}

}
