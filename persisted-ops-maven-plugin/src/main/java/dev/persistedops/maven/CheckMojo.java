package dev.persistedops.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import graphql.schema.GraphQLSchema;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

import dev.persistedops.maven.check.InvalidSchemaException;
import dev.persistedops.maven.check.ManifestComparison;
import dev.persistedops.maven.check.OperationChecker;
import dev.persistedops.maven.check.SchemaFiles;
import dev.persistedops.maven.check.SchemaIntrospection;
import dev.persistedops.maven.manifest.ApolloManifest;
import dev.persistedops.maven.manifest.InvalidManifestException;
import dev.persistedops.maven.operation.ClientOperation;

/**
 * Checks every operation of the client against the server's schema, given as schema files
 * or as the URL of a running server to introspect, with graphql-java's validator. The
 * build fails listing each operation that is not valid and why. Given a previous
 * manifest, it also reports the operations added and removed since.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractOperationsMojo {

	/**
	 * The server's schema files; a directory stands for every {@code .graphqls} and
	 * {@code .gqls} file under it. Set this or {@code schemaUrl}.
	 */
	@Parameter(property = "persisted-ops.schemaFiles")
	private List<File> schemaFiles = new ArrayList<>();

	/**
	 * The GraphQL endpoint of a running server, such as
	 * {@code http://localhost:8080/graphql}, whose schema is read with the introspection
	 * query. The server must allow introspection and run documents sent as text. Set this
	 * or {@code schemaFiles}.
	 */
	@Parameter(property = "persisted-ops.schemaUrl")
	private @Nullable String schemaUrl;

	/**
	 * An Apollo manifest exported earlier (by the last release, say): the operations
	 * added and removed since are reported.
	 */
	@Parameter(property = "persisted-ops.previousManifest")
	private @Nullable File previousManifest;

	/**
	 * Seconds that introspecting {@code schemaUrl} may take.
	 */
	@Parameter(property = "persisted-ops.timeout", defaultValue = "30")
	private int timeout;

	@Override
	void execute(List<ClientOperation> operations) throws MojoExecutionException, MojoFailureException {
		if (this.previousManifest != null) {
			compareWith(this.previousManifest.toPath(), operations);
		}
		GraphQLSchema schema = loadSchema();
		List<OperationChecker.InvalidOperation> invalid = OperationChecker.check(schema, operations);
		if (invalid.isEmpty()) {
			getLog().info(operations.size() + " operations are valid against " + schemaSource());
			return;
		}
		StringBuilder message = new StringBuilder();
		message.append(invalid.size())
			.append(" of ")
			.append(operations.size())
			.append(" operations are not valid against ")
			.append(schemaSource())
			.append(':');
		for (OperationChecker.InvalidOperation operation : invalid) {
			message.append(System.lineSeparator())
				.append("  - ")
				.append(operation.operation().name())
				.append(" (")
				.append(operation.operation().source())
				.append("): ")
				.append(String.join("; ", operation.reasons()));
		}
		throw new MojoFailureException(message.toString());
	}

	private void compareWith(Path manifest, List<ClientOperation> operations) throws MojoExecutionException {
		ManifestComparison comparison;
		try {
			comparison = ManifestComparison.of(ApolloManifest.read(manifest), operations);
		}
		catch (InvalidManifestException ex) {
			throw new MojoExecutionException("previousManifest: " + ex.getMessage());
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Could not read the previous manifest " + manifest + ": " + ex, ex);
		}
		getLog().info("Compared with " + manifest + ": " + comparison.added().size() + " added, "
				+ comparison.removed().size() + " removed");
		comparison.added().forEach((operation) -> getLog().info("  added: " + operation));
		comparison.removed().forEach((operation) -> getLog().info("  removed: " + operation));
	}

	private GraphQLSchema loadSchema() throws MojoExecutionException {
		String url = schemaUrl();
		if (this.schemaFiles.isEmpty() == (url == null)) {
			throw new MojoExecutionException("Set either schemaFiles (persisted-ops.schemaFiles) or schemaUrl "
					+ "(persisted-ops.schemaUrl) to check the operations against"
					+ ((url != null) ? ", not both" : ""));
		}
		try {
			if (url != null) {
				return SchemaIntrospection.load(Urls.parse("schemaUrl", url), Duration.ofSeconds(this.timeout));
			}
			return SchemaFiles.load(this.schemaFiles.stream().map(File::toPath).toList());
		}
		catch (InvalidSchemaException ex) {
			throw new MojoExecutionException(ex.getMessage());
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Could not read the schema files: " + ex, ex);
		}
	}

	private @Nullable String schemaUrl() {
		return (this.schemaUrl != null && !this.schemaUrl.isBlank()) ? this.schemaUrl : null;
	}

	private String schemaSource() {
		String url = schemaUrl();
		return (url != null) ? "the schema of " + url : "the schema in " + this.schemaFiles;
	}

}
