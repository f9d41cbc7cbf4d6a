package dev.persistedops.store;

import org.springframework.core.io.ResourceLoader;
import org.springframework.util.ResourceUtils;

/**
 * Explains a location of documents that does not exist, noticing the common slip of a
 * location written without {@code classpath:} that exists on the classpath: without a
 * prefix, a web application resolves it against the servlet context (or the working
 * directory), not the classpath.
 */
public final class MissingLocation {

	private static final String CLASSPATH = ResourceUtils.CLASSPATH_URL_PREFIX;

	private MissingLocation() {
	}

	/**
	 * Return the exception for a location that does not exist.
	 * @param location the location as configured
	 * @param loader what the location was resolved with
	 * @param reason what is wrong, completing a sentence that starts with the location
	 */
	public static DocumentLoadException of(String location, ResourceLoader loader, String reason) {
		if (!ResourceUtils.isUrl(location) && !location.startsWith("classpath*:")) {
			String onClasspath = CLASSPATH + (location.startsWith("/") ? location : "/" + location);
			if (loader.getResource(onClasspath).exists()) {
				return DocumentLoadException.location(location, reason + "; " + onClasspath
						+ " does: write the location with its classpath: prefix (or file: for the file system)");
			}
		}
		return DocumentLoadException.location(location, reason);
	}

}
