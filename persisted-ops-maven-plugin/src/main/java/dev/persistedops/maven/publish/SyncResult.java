package dev.persistedops.maven.publish;

import java.util.List;
import java.util.Map;

/**
 * What the server did with each operation of a sync, by alias, as GraphQL-Ruby's
 * OperationStore answers.
 *
 * @param added the aliases stored by this sync
 * @param notModified the aliases the server already held with the same body
 * @param failed the aliases refused
 * @param errors why each refused alias was refused
 */
public record SyncResult(List<String> added, List<String> notModified, List<String> failed,
		Map<String, List<String>> errors) {

	public SyncResult {
		added = List.copyOf(added);
		notModified = List.copyOf(notModified);
		failed = List.copyOf(failed);
		errors = Map.copyOf(errors);
	}

}
