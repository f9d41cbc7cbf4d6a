package dev.persistedops.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports {@code persisted-ops.client.*} properties that do not fit together, or a client
 * manifest that is not valid, naming the property the exception names, instead of a stack
 * trace.
 */
class InvalidClientPropertiesFailureAnalyzer extends AbstractFailureAnalyzer<InvalidClientPropertiesException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidClientPropertiesException cause) {
		return new FailureAnalysis(cause.getMessage(), "Fix " + cause.getProperty() + ".", cause);
	}

}
