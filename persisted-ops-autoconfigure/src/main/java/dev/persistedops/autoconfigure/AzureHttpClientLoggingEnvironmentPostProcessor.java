package dev.persistedops.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.DefaultPropertiesPropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * Quiets the one warning that Azure's JDK HTTP client adapter logs on every request of
 * the Azure Blob store: it drops the {@code Content-Length} header the JDK client does
 * not let it set (the JDK client sets it from the body itself), and says so each time.
 * The header cannot be left out of the request, since the adapter reads the body's length
 * from it, so the level of that one logger is set to {@code ERROR}, as a default property
 * that the application's own {@code logging.level} setting overrides. Nothing else of the
 * application's logging changes.
 */
class AzureHttpClientLoggingEnvironmentPostProcessor implements EnvironmentPostProcessor {

	static final String LOGGER = "com.azure.core.http.jdk.httpclient.JdkHttpClient";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (ClassUtils.isPresent(LOGGER, application.getClassLoader()) && Binder.get(environment)
			.bind(StoreProperties.TYPE, StoreType.class)
			.map(StoreType.AZURE_BLOB::equals)
			.orElse(false)) {
			DefaultPropertiesPropertySource.addOrMerge(Map.of("logging.level." + LOGGER, "error"),
					environment.getPropertySources());
		}
	}

}
