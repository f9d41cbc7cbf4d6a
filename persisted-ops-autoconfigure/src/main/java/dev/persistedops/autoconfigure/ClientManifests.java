package dev.persistedops.autoconfigure;

import org.jspecify.annotations.Nullable;

import dev.persistedops.client.InvalidManifestException;
import dev.persistedops.client.PersistedQueryManifest;

import org.springframework.core.io.Resource;

/**
 * Loads the client's manifest from {@code persisted-ops.client.manifest}, turning a
 * manifest that is not valid into a failure that names the property.
 */
final class ClientManifests {

	private ClientManifests() {
	}

	static @Nullable PersistedQueryManifest load(@Nullable Resource location) {
		if (location == null) {
			return null;
		}
		try {
			return PersistedQueryManifest.load(location);
		}
		catch (InvalidManifestException ex) {
			throw new InvalidClientPropertiesException("persisted-ops.client.manifest",
					"The client's persisted query manifest is not valid: " + ex.getMessage());
		}
	}

}
