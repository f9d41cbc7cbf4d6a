package dev.persistedops.autoconfigure;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Locations of documents together with the property that gave them, so that a failure to
 * load them can name the property to fix.
 *
 * @param property the property the locations were bound from
 * @param locations the locations, possibly none
 * @param isDefault whether the locations are the property's default, not set by the
 * application
 * @param loadAsManifests how to load manifests found at these locations instead, as a
 * sentence with {@code %s} where their locations go, or {@code null} if these locations
 * are manifests already
 */
record DocumentLocations(String property, List<String> locations, boolean isDefault, @Nullable String loadAsManifests) {

	DocumentLocations {
		locations = List.copyOf(locations);
	}

	boolean isEmpty() {
		return this.locations.isEmpty();
	}

}
