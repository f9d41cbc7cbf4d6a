package dev.persistedops.maven;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import dev.persistedops.maven.operation.ClientOperation;
import dev.persistedops.maven.operation.ClientOperationLoader;
import dev.persistedops.maven.operation.InvalidDocumentsException;

/**
 * What every goal shares: where the client's documents are, loading its operations from
 * them, and skipping.
 */
abstract class AbstractOperationsMojo extends AbstractMojo {

	/**
	 * Directory of the client's GraphQL documents, where Spring's GraphQL client finds
	 * them on the classpath ({@code graphql-documents/}). Each file is one document,
	 * named by its path without the extension, and holds one named operation and the
	 * fragments it uses.
	 */
	@Parameter(property = "persisted-ops.documentsDirectory",
			defaultValue = "${project.basedir}/src/main/resources/graphql-documents", required = true)
	private File documentsDirectory;

	/**
	 * File extensions of documents, in the order Spring's GraphQL client tries them.
	 */
	@Parameter(property = "persisted-ops.documentExtensions", defaultValue = ".graphql,.gql", required = true)
	private List<String> documentExtensions;

	/**
	 * Whether to skip the goal.
	 */
	@Parameter(property = "persisted-ops.skip", defaultValue = "false")
	private boolean skip;

	@Override
	public final void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping (persisted-ops.skip)");
			return;
		}
		List<ClientOperation> operations = loadOperations();
		if (operations.isEmpty()) {
			getLog().warn("No GraphQL documents in " + this.documentsDirectory);
		}
		execute(operations);
	}

	/**
	 * Do the goal's work with the client's operations, sorted by name.
	 */
	abstract void execute(List<ClientOperation> operations) throws MojoExecutionException, MojoFailureException;

	private List<ClientOperation> loadOperations() throws MojoExecutionException, MojoFailureException {
		List<String> extensions = this.documentExtensions.stream()
			.map(String::trim)
			.filter((extension) -> !extension.isEmpty())
			.map((extension) -> extension.startsWith(".") ? extension : "." + extension)
			.toList();
		if (extensions.isEmpty()) {
			throw new MojoExecutionException("documentExtensions must name at least one file extension");
		}
		try {
			return new ClientOperationLoader(this.documentsDirectory.toPath(), extensions).load();
		}
		catch (InvalidDocumentsException ex) {
			throw new MojoFailureException(ex.getMessage());
		}
		catch (IOException ex) {
			throw new MojoExecutionException(
					"Could not read the documents in " + this.documentsDirectory + ": " + ex.getMessage(), ex);
		}
	}

}
