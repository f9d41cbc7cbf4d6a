package dev.persistedops.maven.check;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.persistedops.maven.manifest.ApolloManifest;
import dev.persistedops.maven.operation.ClientOperation;

/**
 * What changed between a previous manifest and the operations now: the operations added
 * and removed, by id. An operation whose text changed has a new id, so it is both removed
 * (its old id) and added. A removed id may still be sent by clients already deployed.
 *
 * @param added the operations now whose ids the previous manifest does not list, as
 * {@code Name (id)}
 * @param removed the operations of the previous manifest whose ids are gone, as
 * {@code name (id)}
 */
public record ManifestComparison(List<String> added, List<String> removed) {

	/**
	 * Compare the operations now with those of a previous manifest.
	 */
	public static ManifestComparison of(List<ApolloManifest.Entry> previous, List<ClientOperation> current) {
		Set<String> previousIds = previous.stream().map(ApolloManifest.Entry::id).collect(Collectors.toSet());
		Set<String> currentIds = current.stream().map(ClientOperation::id).collect(Collectors.toSet());
		List<String> added = current.stream()
			.filter((operation) -> !previousIds.contains(operation.id()))
			.map((operation) -> operation.name() + " (" + operation.id() + ")")
			.toList();
		List<String> removed = previous.stream()
			.filter((entry) -> !currentIds.contains(entry.id()))
			.map((entry) -> (entry.name().isEmpty() ? "unnamed" : entry.name()) + " (" + entry.id() + ")")
			.toList();
		return new ManifestComparison(added, removed);
	}

}
