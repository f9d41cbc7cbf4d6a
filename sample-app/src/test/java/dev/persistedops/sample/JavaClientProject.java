package dev.persistedops.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.persistedops.maven.test.MavenBuild;

/**
 * The Java client of the sample app in {@code src/test/projects/java-client}: a Maven
 * build with three documents under {@code graphql-documents/} (the query
 * {@code BookById}, the mutation {@code AddBook}, the subscription {@code BookAdded})
 * that uses the plugin.
 */
final class JavaClientProject {

	static final Path TEMPLATE = Path.of("src/test/projects/java-client");

	static final Path SAMPLE_SCHEMA = Path.of("src/main/resources/graphql/schema.graphqls").toAbsolutePath();

	private JavaClientProject() {
	}

	/**
	 * Return a build of a copy of the project in the given directory.
	 */
	static MavenBuild copyTo(Path work) {
		return MavenBuild.copyOf(TEMPLATE, work);
	}

	/**
	 * Return the sha256 hex of a document's file bytes, computed here, apart from the
	 * plugin.
	 */
	static String sha256Of(MavenBuild build, String document) {
		try {
			byte[] bytes = Files.readAllBytes(documentsOf(build).resolve(document));
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static Path documentsOf(MavenBuild build) {
		return build.projectDirectory().resolve("src/main/resources/graphql-documents");
	}

}
