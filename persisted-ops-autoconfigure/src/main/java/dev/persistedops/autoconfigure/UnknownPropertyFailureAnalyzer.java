package dev.persistedops.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.annotation.Order;

/**
 * Explains a startup that failed because a {@code persisted-ops.*} key is not a property
 * (Spring Boot's binder refuses it, since {@link PersistedOperationsProperties} does not
 * ignore unknown fields): names each such key, where it was set, and the closest property
 * that exists, from the configuration metadata IDEs complete from. Keys of other prefixes
 * are left to Spring Boot's own analysis.
 */
@Order(0)
class UnknownPropertyFailureAnalyzer extends AbstractFailureAnalyzer<UnboundConfigurationPropertiesException> {

	private static final String PREFIX = "persisted-ops.";

	private static final String METADATA = "META-INF/spring-configuration-metadata.json";

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, UnboundConfigurationPropertiesException cause) {
		List<ConfigurationProperty> unknown = cause.getUnboundProperties()
			.stream()
			.filter((property) -> property.getName().toString().startsWith(PREFIX))
			.sorted(Comparator.comparing((property) -> property.getName().toString()))
			.toList();
		if (unknown.isEmpty()) {
			return null;
		}
		Set<String> known = knownProperties();
		StringBuilder description = new StringBuilder((unknown.size() == 1) ? "A persisted-ops property does not exist:"
				: "Some persisted-ops properties do not exist:");
		for (ConfigurationProperty property : unknown) {
			String name = property.getName().toString();
			description.append(System.lineSeparator()).append(" - ").append(name);
			if (property.getOrigin() != null) {
				description.append(" (").append(property.getOrigin()).append(")");
			}
			String closest = closest(name, known);
			if (closest != null) {
				description.append(": did you mean ").append(closest).append("?");
			}
		}
		return new FailureAnalysis(description.toString(),
				"Correct or remove the properties above. Every "
						+ "persisted-ops property is listed in the README and completed by IDEs from the configuration "
						+ "metadata; an unknown one would otherwise be ignored without a word, such as a misspelt "
						+ "enforcement setting.",
				cause);
	}

	private static @Nullable String closest(String name, Set<String> known) {
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : known) {
			int distance = distance(name, candidate);
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		// A suggestion further off than a third of the name helps no one.
		return (best != null && bestDistance <= Math.max(2, name.length() / 3)) ? best : null;
	}

	/**
	 * Return the edit distance (insertions, deletions, substitutions) between two names.
	 */
	static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	/**
	 * Return every {@code persisted-ops.*} property in the configuration metadata on the
	 * classpath.
	 */
	static Set<String> knownProperties() {
		Set<String> names = new TreeSet<>();
		try {
			ClassLoader classLoader = UnknownPropertyFailureAnalyzer.class.getClassLoader();
			for (URL url : Collections.list(classLoader.getResources(METADATA))) {
				try (InputStream input = url.openStream()) {
					for (JsonNode property : JsonMapper.shared().readTree(input).path("properties")) {
						String name = property.path("name").asString("");
						if (name.startsWith(PREFIX)) {
							names.add(name);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JacksonException ex) {
			// A broken metadata file of another library: suggest from what was read.
		}
		return names;
	}

}
