package dev.persistedops.autoconfigure;

import java.util.List;

/**
 * Locations of documents together with the property that gave them, so that a failure to
 * load them can name the property to fix.
 *
 * @param property the property the locations were bound from
 * @param locations the locations, possibly none
 */
record DocumentLocations(String property, List<String> locations) {

	DocumentLocations {
		locations = List.copyOf(locations);
	}

	boolean isEmpty() {
		return this.locations.isEmpty();
	}

}
