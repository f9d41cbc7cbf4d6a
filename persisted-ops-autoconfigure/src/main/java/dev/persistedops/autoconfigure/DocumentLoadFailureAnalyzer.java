package dev.persistedops.autoconfigure;

import java.util.stream.Collectors;

import dev.persistedops.store.DocumentLoadException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed because persisted documents could not be loaded, naming
 * the property whose locations were being loaded, as the exception reports it.
 */
class DocumentLoadFailureAnalyzer extends AbstractFailureAnalyzer<ConfiguredDocumentsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConfiguredDocumentsException cause) {
		DocumentLoadException failure = cause.getLoadFailure();
		String properties = cause.getSources()
			.stream()
			.map(DocumentLocations::property)
			.collect(Collectors.joining(" or "));
		if (failure.isLocationProblem()) {
			String locations = cause.getSources()
				.stream()
				.map((source) -> source.locations().toString())
				.collect(Collectors.joining(" and "));
			return new FailureAnalysis("Persisted documents could not be loaded: " + failure.getMessage() + ".",
					"Set " + properties + " to locations that exist and can be read (currently " + locations + ").",
					cause);
		}
		return new FailureAnalysis(
				failure.getMessage(), "Re-export the documents listed above from the client build, or fix the files in "
						+ properties + ". To start despite hash mismatches, set persisted-ops.hash.on-mismatch=warn.",
				cause);
	}

}
