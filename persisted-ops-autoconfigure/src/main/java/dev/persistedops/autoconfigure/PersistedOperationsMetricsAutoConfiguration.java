package dev.persistedops.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;

import dev.persistedops.observability.PersistedOperationMetrics;
import dev.persistedops.web.PersistedOperationInterceptor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the metrics of persisted operations, when the application has a
 * Micrometer {@link MeterRegistry}: the counter of decisions.
 */
@AutoConfiguration(after = PersistedOperationsAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, PersistedOperationInterceptor.class })
public final class PersistedOperationsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PersistedOperationMetrics persistedOperationMetrics(MeterRegistry registry,
			PersistedOperationsProperties properties) {
		return new PersistedOperationMetrics(registry, properties.getMetrics().getMaximumClientNames());
	}

}
