package dev.persistedops.maven.manifest;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The formats operations can be exported in.
 */
public enum ExportFormat {

	/** Apollo's persisted query manifest ({@link ApolloManifest}). */
	APOLLO,

	/** A Relay-style {@code {"<hash>": "<text>"}} map ({@link RelayMap}). */
	RELAY,

	/** A directory of {@code <hash>.graphql} files ({@link OperationDirectory}). */
	DIRECTORY;

	/**
	 * Return the format of the given name, in any case.
	 * @throws IllegalArgumentException naming the valid values if there is no such format
	 */
	public static ExportFormat of(String name) {
		for (ExportFormat format : values()) {
			if (format.name().equalsIgnoreCase(name.trim())) {
				return format;
			}
		}
		throw new IllegalArgumentException("'" + name + "' is not an export format; use one of "
				+ Arrays.stream(values()).map(ExportFormat::toString).collect(Collectors.joining(", ")));
	}

	@Override
	public String toString() {
		return name().toLowerCase(Locale.ROOT);
	}

}
