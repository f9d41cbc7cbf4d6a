package dev.persistedops.publish;

import java.util.List;

/**
 * What publishing did, id by id.
 *
 * @param created the ids that were stored
 * @param unchanged the ids that already held the same text
 * @param conflicts the ids that hold a different text, which was kept
 */
public record PublishReport(List<String> created, List<String> unchanged, List<String> conflicts) {

	public PublishReport {
		created = List.copyOf(created);
		unchanged = List.copyOf(unchanged);
		conflicts = List.copyOf(conflicts);
	}

	@Override
	public String toString() {
		return this.created.size() + " created, " + this.unchanged.size() + " unchanged, " + this.conflicts.size()
				+ " in conflict";
	}

}
