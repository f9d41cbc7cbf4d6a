package dev.persistedops.autoconfigure;

import dev.persistedops.observability.PersistedExecutionRequestObservationConvention;
import dev.persistedops.web.PersistedOperationInterceptor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;

/**
 * Auto-configuration of what persisted operations add to Spring for GraphQL's
 * {@code graphql.request} observation (whether the document was persisted, and its id),
 * through the {@link ExecutionRequestObservationConvention} that Spring Boot's GraphQL
 * observation auto-configuration picks up. Backs off when the application defines its own
 * convention.
 */
@AutoConfiguration(after = PersistedOperationsAutoConfiguration.class)
@ConditionalOnClass(name = "io.micrometer.observation.Observation")
@ConditionalOnBean(PersistedOperationInterceptor.class)
public final class PersistedOperationsObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ExecutionRequestObservationConvention.class)
	PersistedExecutionRequestObservationConvention persistedOperationsExecutionRequestObservationConvention() {
		return new PersistedExecutionRequestObservationConvention();
	}

}
