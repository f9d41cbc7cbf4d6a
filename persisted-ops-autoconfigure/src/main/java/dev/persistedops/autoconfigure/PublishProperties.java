package dev.persistedops.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

/**
 * Publishing documents into the store when the application starts, bound to
 * {@code persisted-ops.publish}.
 */
public class PublishProperties {

	static final String FILESYSTEM_LOCATIONS = "persisted-ops.publish.filesystem.locations";

	static final String MANIFEST_LOCATIONS = "persisted-ops.publish.manifest.locations";

	/**
	 * Whether to publish documents into the store (redis, azure-blob) when the
	 * application starts. Idempotent; startup fails if an id holds a different text.
	 */
	private boolean enabled = false;

	/**
	 * How long published documents are kept in the store. Kept for good when not set.
	 */
	private @Nullable Duration timeToLive;

	private final Filesystem filesystem = new Filesystem();

	private final Manifest manifest = new Manifest();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable Duration getTimeToLive() {
		return this.timeToLive;
	}

	public void setTimeToLive(@Nullable Duration timeToLive) {
		this.timeToLive = timeToLive;
	}

	public Filesystem getFilesystem() {
		return this.filesystem;
	}

	public Manifest getManifest() {
		return this.manifest;
	}

	DocumentLocations filesystemLocations() {
		return new DocumentLocations(FILESYSTEM_LOCATIONS, this.filesystem.getLocations(), false,
				"set " + MANIFEST_LOCATIONS + "=%s instead");
	}

	DocumentLocations manifestLocations() {
		return new DocumentLocations(MANIFEST_LOCATIONS, this.manifest.getLocations(), false, null);
	}

	/**
	 * Check that enabled publishing has something to publish.
	 * @throws InvalidConfigurationPropertyValueException if no location is given
	 */
	void validate() {
		if (this.enabled && this.filesystem.getLocations().isEmpty() && this.manifest.getLocations().isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(FILESYSTEM_LOCATIONS, null,
					"No documents to publish: set " + FILESYSTEM_LOCATIONS + " or " + MANIFEST_LOCATIONS
							+ " to where the client build exports them");
		}
	}

	/**
	 * Directories to publish.
	 */
	public static class Filesystem {

		/**
		 * Directories of <id>.graphql files to publish, as classpath: or file: locations.
		 * Sub-folders are namespaces: web/abc.graphql is the id web/abc.
		 */
		private List<String> locations = new ArrayList<>();

		public List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(List<String> locations) {
			this.locations = locations;
		}

	}

	/**
	 * Manifests to publish.
	 */
	public static class Manifest {

		/**
		 * Manifest files to publish, as classpath: or file: locations: Relay / Strawberry
		 * Shake {"<id>": "<document>"} maps or Apollo persisted-query-manifest.json
		 * files.
		 */
		private List<String> locations = new ArrayList<>();

		public List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(List<String> locations) {
			this.locations = locations;
		}

	}

}
