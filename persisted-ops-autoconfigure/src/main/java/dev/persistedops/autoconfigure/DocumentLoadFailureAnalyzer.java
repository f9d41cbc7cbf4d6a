package dev.persistedops.autoconfigure;

import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import dev.persistedops.store.DocumentLoadException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed because persisted documents could not be loaded, naming
 * the property whose locations were being loaded, as the exception reports it, with the
 * fix that fits the kind of problem.
 */
class DocumentLoadFailureAnalyzer extends AbstractFailureAnalyzer<ConfiguredDocumentsException> {

	private static final String DEFAULT_FOLDER = "src/main/resources/persisted-operations/";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ConfiguredDocumentsException cause) {
		DocumentLoadException failure = cause.getLoadFailure();
		String properties = cause.getSources()
			.stream()
			.map(DocumentLocations::property)
			.collect(Collectors.joining(" or "));
		String description = failure.isLocationProblem()
				? "Persisted documents could not be loaded: " + failure.getMessage() + "." : failure.getMessage();
		return new FailureAnalysis(description, action(cause, failure, properties), cause);
	}

	private static String action(ConfiguredDocumentsException cause, DocumentLoadException failure, String properties) {
		DocumentLocations first = cause.getSources().get(0);
		return switch (failure.getKind()) {
			case LOCATION_IS_A_FILE, LOCATION_HOLDS_MANIFESTS -> manifestsInstead(first, failure, properties);
			case LOCATION -> first.isDefault()
					? "Create " + DEFAULT_FOLDER + " and put the <id>.graphql files "
							+ "your client build exports in it, set " + properties + " to where they are, or set "
							+ StoreProperties.TYPE + " to the store you use (manifest, redis, azure-blob or memory)."
					: "Set " + properties + " to locations that exist and can be read (currently "
							+ cause.getSources()
								.stream()
								.map((source) -> source.locations().toString())
								.collect(Collectors.joining(" and "))
							+ ").";
			case MALFORMED -> "Fix the file named above, or re-export it from the client build; " + properties
					+ " lists the files that are loaded.";
			case CONFLICT -> "Each id must name one text: re-export the documents listed above from the client "
					+ "build, or remove one of the two from " + properties + ".";
			case VERIFICATION -> "Re-export the documents listed above from the client build, or fix the files in "
					+ properties + ". To start despite hash mismatches, set persisted-ops.hash.on-mismatch=warn.";
		};
	}

	private static String manifestsInstead(DocumentLocations source, DocumentLoadException failure, String properties) {
		String manifests = String.join(",", failure.getManifests());
		String loadAsManifests = source.loadAsManifests();
		String directories = "set " + properties + " to directories of <id>.graphql files";
		return (loadAsManifests != null) ? "To load " + manifests + " as manifests, "
				+ String.format(loadAsManifests, manifests) + "; otherwise " + directories + "."
				: capitalized(directories) + ".";
	}

	private static String capitalized(@Nullable String text) {
		return (text == null || text.isEmpty()) ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
