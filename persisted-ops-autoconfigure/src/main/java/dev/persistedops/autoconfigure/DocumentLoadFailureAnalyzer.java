package dev.persistedops.autoconfigure;

import dev.persistedops.autoconfigure.PersistedOperationsProperties.StoreType;
import dev.persistedops.store.DocumentLoadException;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains a startup that failed because persisted documents could not be loaded, naming the
 * property to fix.
 */
class DocumentLoadFailureAnalyzer extends AbstractFailureAnalyzer<DocumentLoadException> {

	private final Environment environment;

	DocumentLoadFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DocumentLoadException cause) {
		String property = locationsProperty();
		if (cause.isLocationProblem()) {
			return new FailureAnalysis("Persisted documents could not be loaded: " + cause.getMessage() + ".",
					"Set " + property + " to locations that exist and can be read (currently "
							+ configuredLocations(property) + ").",
					cause);
		}
		return new FailureAnalysis(cause.getMessage(),
				"Re-export the documents listed above from the client build, or fix the files in " + property
						+ ". To start despite hash mismatches, set persisted-ops.hash.on-mismatch=warn.",
				cause);
	}

	private String configuredLocations(String property) {
		return Binder.get(this.environment)
			.bind(property, Bindable.listOf(String.class))
			.map(Object::toString)
			.orElse("its default");
	}

	private String locationsProperty() {
		StoreType type = Binder.get(this.environment)
			.bind(OnStoreTypeCondition.PROPERTY, StoreType.class)
			.orElse(StoreType.FILESYSTEM);
		return "persisted-ops.store." + type.name().toLowerCase() + ".locations";
	}

}
