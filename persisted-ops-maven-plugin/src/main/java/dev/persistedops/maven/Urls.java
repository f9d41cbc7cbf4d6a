package dev.persistedops.maven;

import java.net.URI;
import java.net.URISyntaxException;

import org.apache.maven.plugin.MojoExecutionException;

/**
 * Reads the HTTP URLs the goals are given, failing with a message that names the
 * parameter.
 */
final class Urls {

	private Urls() {
	}

	static URI parse(String parameter, String url) throws MojoExecutionException {
		try {
			URI uri = new URI(url.trim());
			if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
				throw new MojoExecutionException(parameter + " must be an http or https URL, not '" + url + "'");
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			throw new MojoExecutionException(parameter + " is not a valid URL: " + ex.getMessage());
		}
	}

}
