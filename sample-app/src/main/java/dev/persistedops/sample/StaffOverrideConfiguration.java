package dev.persistedops.sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Registers the {@link StaffHeaderOverride} with the staff secret
 * {@code sample.staff-secret} (the prod profile reads it from {@code STAFF_SECRET}).
 * Without a secret it allows nothing.
 */
@Configuration(proxyBeanMethods = false)
class StaffOverrideConfiguration {

	@Bean
	StaffHeaderOverride staffHeaderOverride(Environment environment) {
		return new StaffHeaderOverride(environment.getProperty("sample.staff-secret", ""));
	}

}
