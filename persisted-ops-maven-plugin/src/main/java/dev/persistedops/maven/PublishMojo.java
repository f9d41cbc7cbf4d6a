package dev.persistedops.maven;

import java.time.Duration;
import java.util.List;

import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.maven.operation.ClientOperation;
import dev.persistedops.maven.publish.OperationStoreClient;
import dev.persistedops.maven.publish.SyncException;
import dev.persistedops.maven.publish.SyncOperation;
import dev.persistedops.maven.publish.SyncResult;

/**
 * Publishes the client's operations to a server running the starter, over the
 * OperationStore sync protocol ({@code persisted-ops.operation-store.*} on the server),
 * and reports what was added, not modified and failed, as
 * {@code graphql-ruby-client sync} does. Each operation is stored as {@code CLIENT/ALIAS}
 * and then runs with {@code operationId: "CLIENT/ALIAS"}. Any failure fails the build.
 * <p>
 * The client's secret is read when the goal runs, from the property
 * {@code persisted-ops.secret} or else from the environment variable named by
 * {@code secretEnvironmentVariable}. It is not a parameter, so Maven never prints it, not
 * even with {@code -X}.
 */
@Mojo(name = "publish", defaultPhase = LifecyclePhase.DEPLOY, threadSafe = true)
public class PublishMojo extends AbstractOperationsMojo {

	static final String SECRET_PROPERTY = "persisted-ops.secret";

	/**
	 * The server's OperationStore sync endpoint, such as
	 * {@code https://internal.example.com/persisted-operations/sync}.
	 */
	@Parameter(property = "persisted-ops.url", required = true)
	private String url;

	/**
	 * The client name the server knows this build by
	 * ({@code persisted-ops.operation-store.clients.NAME} on the server).
	 */
	@Parameter(property = "persisted-ops.client", required = true)
	private String client;

	/**
	 * The environment variable that holds the client's secret, used when the property
	 * {@code persisted-ops.secret} is not set.
	 */
	@Parameter(property = "persisted-ops.secretEnvironmentVariable", defaultValue = "PERSISTED_OPS_SECRET",
			required = true)
	private String secretEnvironmentVariable;

	/**
	 * The hash of an operation's text that is its alias: {@code sha256} (the id in the
	 * exported Apollo manifest, so a client holding the manifest knows every alias) or
	 * {@code md5} (the aliases {@code graphql-ruby-client sync} makes), as lowercase hex.
	 */
	@Parameter(property = "persisted-ops.aliasAlgorithm", defaultValue = "sha256", required = true)
	private String aliasAlgorithm;

	/**
	 * Seconds that connecting to the server, and then the sync request, may take.
	 */
	@Parameter(property = "persisted-ops.timeout", defaultValue = "60")
	private int timeout;

	@Parameter(defaultValue = "${session}", readonly = true, required = true)
	private MavenSession session;

	@Override
	void execute(List<ClientOperation> operations) throws MojoExecutionException, MojoFailureException {
		if (operations.isEmpty()) {
			getLog().warn("Nothing to publish");
			return;
		}
		HashAlgorithm algorithm;
		try {
			algorithm = HashAlgorithm.of(this.aliasAlgorithm);
		}
		catch (IllegalArgumentException ex) {
			throw new MojoExecutionException("aliasAlgorithm: " + ex.getMessage());
		}
		OperationStoreClient store = new OperationStoreClient(Urls.parse("url", this.url), this.client, secret(),
				Duration.ofSeconds(this.timeout));
		List<SyncOperation> sync = operations.stream()
			.map((operation) -> new SyncOperation(operation.name(), operation.body(), operation.id(algorithm)))
			.toList();
		getLog().info("Publishing " + sync.size() + " operations to " + this.url + " as client '" + this.client + "'");
		SyncResult result;
		try {
			result = store.sync(sync);
		}
		catch (SyncException ex) {
			throw new MojoFailureException(ex.getMessage());
		}
		report(sync, result);
	}

	private String secret() throws MojoExecutionException {
		String secret = this.session.getUserProperties().getProperty(SECRET_PROPERTY);
		if (isEmpty(secret)) {
			secret = this.session.getSystemProperties().getProperty(SECRET_PROPERTY);
		}
		if (isEmpty(secret)) {
			secret = System.getenv(this.secretEnvironmentVariable);
		}
		if (secret == null || secret.isEmpty()) {
			throw new MojoExecutionException("No secret for client '" + this.client + "': set the environment variable "
					+ this.secretEnvironmentVariable + " or the property " + SECRET_PROPERTY);
		}
		return secret;
	}

	private static boolean isEmpty(@Nullable String value) {
		return value == null || value.isEmpty();
	}

	private void report(List<SyncOperation> sync, SyncResult result) throws MojoFailureException {
		getLog().info("  " + result.added().size() + " added");
		getLog().info("  " + result.notModified().size() + " not modified");
		getLog().info("  " + result.failed().size() + " failed");
		for (SyncOperation operation : sync) {
			String id = this.client + "/" + operation.alias();
			if (result.added().contains(operation.alias())) {
				getLog().info("  added " + operation.name() + " as " + id);
			}
			else if (result.notModified().contains(operation.alias())) {
				getLog().info("  not modified " + operation.name() + " as " + id);
			}
		}
		if (result.failed().isEmpty()) {
			return;
		}
		StringBuilder message = new StringBuilder();
		message.append(result.failed().size()).append(" of ").append(sync.size()).append(" operations failed:");
		for (String alias : result.failed()) {
			String name = sync.stream()
				.filter((operation) -> operation.alias().equals(alias))
				.map(SyncOperation::name)
				.findFirst()
				.orElse("?");
			message.append(System.lineSeparator())
				.append("  - ")
				.append(name)
				.append(" (")
				.append(this.client)
				.append('/')
				.append(alias)
				.append("): ")
				.append(String.join("; ", result.errors().getOrDefault(alias, List.of())));
		}
		throw new MojoFailureException(message.toString());
	}

}
