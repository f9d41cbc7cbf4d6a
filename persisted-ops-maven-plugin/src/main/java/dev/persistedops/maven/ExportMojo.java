package dev.persistedops.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.maven.manifest.ApolloManifest;
import dev.persistedops.maven.manifest.ExportFormat;
import dev.persistedops.maven.manifest.OperationDirectory;
import dev.persistedops.maven.manifest.RelayMap;
import dev.persistedops.maven.operation.ClientOperation;

/**
 * Exports the client's operations, as Spring's GraphQL client sends them, for a server to
 * persist: an Apollo persisted query manifest (sha256 ids), a Relay-style map, and/or a
 * directory of {@code HASH.graphql} files. Each id is the hash of exactly the text the
 * client sends, and the output is sorted, so the same documents always give the same
 * bytes.
 */
@Mojo(name = "export", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public class ExportMojo extends AbstractOperationsMojo {

	/**
	 * Formats to write, any of {@code apollo} (to {@code manifestFile}), {@code relay}
	 * (to {@code relayMapFile}) and {@code directory} (to {@code operationsDirectory}).
	 */
	@Parameter(property = "persisted-ops.formats", defaultValue = "apollo", required = true)
	private List<String> formats;

	/**
	 * The Apollo persisted query manifest to write: {@code {"format":
	 * "apollo-persisted-query-manifest", "version": 1, "operations": [{"id", "name",
	 * "type", "body"}]}}, operations sorted by name, ids the sha256 hex of the bodies.
	 */
	@Parameter(property = "persisted-ops.manifestFile",
			defaultValue = "${project.build.directory}/persisted-operations/persisted-query-manifest.json",
			required = true)
	private File manifestFile;

	/**
	 * The Relay-style map to write, {@code {"HASH": "TEXT"}} with sorted keys.
	 */
	@Parameter(property = "persisted-ops.relayMapFile",
			defaultValue = "${project.build.directory}/persisted-operations/persisted-queries.json", required = true)
	private File relayMapFile;

	/**
	 * The directory to write one {@code HASH.graphql} file per operation to. Hash-named
	 * {@code .graphql} files of earlier exports that are no longer operations are
	 * deleted.
	 */
	@Parameter(property = "persisted-ops.operationsDirectory",
			defaultValue = "${project.build.directory}/persisted-operations/documents", required = true)
	private File operationsDirectory;

	/**
	 * The hash that names operations in the Relay-style map and the directory:
	 * {@code md5} (Relay's), {@code sha1} or {@code sha256}, as lowercase hex. Apollo's
	 * manifest always uses sha256.
	 */
	@Parameter(property = "persisted-ops.hashAlgorithm", defaultValue = "sha256", required = true)
	private String hashAlgorithm;

	@Override
	void execute(List<ClientOperation> operations) throws MojoExecutionException {
		Set<ExportFormat> exportFormats = EnumSet.noneOf(ExportFormat.class);
		HashAlgorithm algorithm;
		try {
			this.formats.forEach((format) -> exportFormats.add(ExportFormat.of(format)));
			algorithm = HashAlgorithm.of(this.hashAlgorithm);
		}
		catch (IllegalArgumentException ex) {
			throw new MojoExecutionException(ex.getMessage());
		}
		if (exportFormats.isEmpty()) {
			throw new MojoExecutionException("formats must name at least one of apollo, relay, directory");
		}
		for (ClientOperation operation : operations) {
			getLog().info(operation.name() + " (" + operation.typeName() + ", documentName \""
					+ operation.documentName() + "\"): " + operation.id());
		}
		for (ExportFormat format : exportFormats) {
			Path target = write(format, operations, algorithm);
			getLog().info("Exported " + operations.size() + " operations (" + format + ") to " + target);
		}
	}

	private Path write(ExportFormat format, List<ClientOperation> operations, HashAlgorithm algorithm)
			throws MojoExecutionException {
		Path target = switch (format) {
			case APOLLO -> this.manifestFile.toPath();
			case RELAY -> this.relayMapFile.toPath();
			case DIRECTORY -> this.operationsDirectory.toPath();
		};
		try {
			switch (format) {
				case APOLLO -> ApolloManifest.write(operations, target);
				case RELAY -> RelayMap.write(operations, algorithm, target);
				case DIRECTORY -> OperationDirectory.write(operations, algorithm, target)
					.forEach((deleted) -> getLog().info("Deleted " + deleted + ", no longer an operation"));
			}
		}
		catch (IOException ex) {
			throw new MojoExecutionException("Could not write " + target + ": " + ex.getMessage(), ex);
		}
		return target;
	}

}
