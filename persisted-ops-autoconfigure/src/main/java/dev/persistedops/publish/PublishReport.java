package dev.persistedops.publish;

import java.util.List;
import java.util.Map;

/**
 * What publishing did, id by id.
 *
 * @param created the ids that were stored
 * @param unchanged the ids that already held the same text
 * @param conflicts the ids that hold a different text, which was kept
 * @param failures the ids that could not be saved, with why
 */
public record PublishReport(List<String> created, List<String> unchanged, List<String> conflicts,
		Map<String, String> failures) {

	public PublishReport {
		created = List.copyOf(created);
		unchanged = List.copyOf(unchanged);
		conflicts = List.copyOf(conflicts);
		failures = Map.copyOf(failures);
	}

	/**
	 * Whether every document is now in the store with its text.
	 */
	public boolean isComplete() {
		return this.conflicts.isEmpty() && this.failures.isEmpty();
	}

	@Override
	public String toString() {
		return this.created.size() + " created, " + this.unchanged.size() + " unchanged, " + this.conflicts.size()
				+ " in conflict" + (this.failures.isEmpty() ? "" : ", " + this.failures.size() + " failed");
	}

}
