package dev.persistedops.autoconfigure;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin.Location;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UnknownPropertyFailureAnalyzer}.
 */
class UnknownPropertyFailureAnalyzerTests {

	private final UnknownPropertyFailureAnalyzer analyzer = new UnknownPropertyFailureAnalyzer();

	@Test
	void distanceOfEqualNamesIsZero() {
		assertThat(UnknownPropertyFailureAnalyzer.distance("only-persisted", "only-persisted")).isZero();
		assertThat(UnknownPropertyFailureAnalyzer.distance("", "")).isZero();
	}

	@Test
	void distanceFromNothingIsTheLength() {
		assertThat(UnknownPropertyFailureAnalyzer.distance("", "mode")).isEqualTo(4);
		assertThat(UnknownPropertyFailureAnalyzer.distance("mode", "")).isEqualTo(4);
	}

	@Test
	void distanceCountsOneForEachInsertionDeletionOrSubstitution() {
		assertThat(UnknownPropertyFailureAnalyzer.distance("only-persited", "only-persisted")).isEqualTo(1);
		assertThat(UnknownPropertyFailureAnalyzer.distance("only-persissted", "only-persisted")).isEqualTo(1);
		assertThat(UnknownPropertyFailureAnalyzer.distance("only-persistad", "only-persisted")).isEqualTo(1);
		assertThat(UnknownPropertyFailureAnalyzer.distance("kitten", "sitting")).isEqualTo(3);
		assertThat(UnknownPropertyFailureAnalyzer.distance("flaw", "lawn")).isEqualTo(2);
	}

	@Test
	void distanceCountsASwapOfNeighboursAsTwo() {
		assertThat(UnknownPropertyFailureAnalyzer.distance("mdoe", "mode")).isEqualTo(2);
	}

	@Test
	void distanceIsSymmetric() {
		assertThat(UnknownPropertyFailureAnalyzer.distance("enforcement.mode", "enforcment.mod"))
			.isEqualTo(UnknownPropertyFailureAnalyzer.distance("enforcment.mod", "enforcement.mode"))
			.isEqualTo(2);
		assertThat(UnknownPropertyFailureAnalyzer.distance("abc", "xyzabc"))
			.isEqualTo(UnknownPropertyFailureAnalyzer.distance("xyzabc", "abc"))
			.isEqualTo(3);
	}

	@Test
	void knownPropertiesAreThePersistedOpsPropertiesOfTheMetadata() {
		assertThat(UnknownPropertyFailureAnalyzer.knownProperties())
			.contains("persisted-ops.only-persisted", "persisted-ops.enforcement.mode", "persisted-ops.store.type")
			.allSatisfy((name) -> assertThat(name).startsWith("persisted-ops."));
	}

	@Test
	void misspeltKeyIsNamedWithTheClosestProperty() {
		FailureAnalysis analysis = analyze(property("persisted-ops.only-persited", null));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).startsWith("A persisted-ops property does not exist:")
			.contains(" - persisted-ops.only-persited: did you mean persisted-ops.only-persisted?");
		assertThat(analysis.getAction()).contains("Correct or remove");
	}

	@Test
	void closestPropertyIsSuggestedForANestedKey() {
		assertThat(analyze(property("persisted-ops.enforcement.mod", null)).getDescription())
			.contains("did you mean persisted-ops.enforcement.mode?");
		assertThat(analyze(property("persisted-ops.store.tpye", null)).getDescription())
			.contains("did you mean persisted-ops.store.type?");
	}

	@Test
	void whereTheKeyWasSetIsNamed() {
		Origin origin = new TextResourceOrigin(new ClassPathResource("application.yml"), new Location(4, 2));
		String description = analyze(property("persisted-ops.only-persited", origin)).getDescription();
		assertThat(description).contains("persisted-ops.only-persited (" + origin + ")").contains("application.yml");
	}

	@Test
	void farOffKeyGetsNoSuggestion() {
		FailureAnalysis analysis = analyze(property("persisted-ops.qqqqqqqqqqqqqqqqqqqqqqqqqqqq", null));
		assertThat(analysis.getDescription()).contains("persisted-ops.qqqqqqqqqqqqqqqqqqqqqqqqqqqq")
			.doesNotContain("did you mean");
	}

	@Test
	void everyUnknownKeyIsNamedInOrder() {
		String description = analyze(property("persisted-ops.store.tpye", null),
				property("persisted-ops.apq.enabeld", null))
			.getDescription();
		assertThat(description).startsWith("Some persisted-ops properties do not exist:")
			.contains("persisted-ops.apq.enabeld: did you mean persisted-ops.apq.enabled?")
			.contains("persisted-ops.store.tpye: did you mean persisted-ops.store.type?");
		assertThat(description.indexOf("apq.enabeld")).isLessThan(description.indexOf("store.tpye"));
	}

	@Test
	void keysOfOtherPrefixesAreLeftToSpringBoot() {
		assertThat(analyze(property("spring.graphql.pathh", null))).isNull();
		assertThat(analyze(property("persisted-opsx.only-persisted", null))).isNull();
	}

	@Test
	void onlyThePersistedOpsKeysOfAMixedFailureAreNamed() {
		String description = analyze(property("spring.graphql.pathh", null),
				property("persisted-ops.only-persited", null))
			.getDescription();
		assertThat(description).startsWith("A persisted-ops property does not exist:")
			.contains("persisted-ops.only-persited")
			.doesNotContain("spring.graphql.pathh");
	}

	@Test
	void failureIsFoundAmongTheCauses() {
		UnboundConfigurationPropertiesException unbound = new UnboundConfigurationPropertiesException(
				Set.of(property("persisted-ops.only-persited", null)));
		FailureAnalysis analysis = this.analyzer.analyze(new IllegalStateException("binding failed", unbound));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getCause()).isSameAs(unbound);
	}

	private FailureAnalysis analyze(ConfigurationProperty... properties) {
		return this.analyzer
			.analyze(new UnboundConfigurationPropertiesException(new LinkedHashSet<>(Arrays.asList(properties))));
	}

	private static ConfigurationProperty property(String name, Origin origin) {
		return new ConfigurationProperty(ConfigurationPropertyName.of(name), "true", origin);
	}

}
