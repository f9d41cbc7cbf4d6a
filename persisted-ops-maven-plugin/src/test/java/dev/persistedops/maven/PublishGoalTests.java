package dev.persistedops.maven;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.persistedops.maven.test.MavenBuild;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code publish} goal's failures that need no server, in real Maven builds.
 * Publishing to a running server is tested against the sample app, in its tests.
 */
class PublishGoalTests {

	private static final String SECRET = "do-not-print-me-7f3a";

	@TempDir
	Path work;

	private MavenBuild build;

	private String url;

	@BeforeEach
	void copyProject() throws IOException {
		this.build = MavenBuild.copyOf(Path.of("src/test/projects/documents"), this.work);
		try (ServerSocket socket = new ServerSocket(0)) {
			// Nothing listens on this port once the socket is closed.
			this.url = "http://127.0.0.1:" + socket.getLocalPort() + "/persisted-operations/sync";
		}
		this.build.property("persisted-ops.url", this.url).property("persisted-ops.client", "ios");
	}

	@Test
	void withoutASecretTheBuildFailsSayingWhereToSetIt() {
		MavenBuild.Result result = this.build.run("persisted-ops:publish");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).contains("No secret for client 'ios': set the environment variable "
				+ "PERSISTED_OPS_SECRET or the property persisted-ops.secret");
	}

	@Test
	void anUnreachableServerFailsTheBuildAndTheSecretIsNeverPrintedEvenInDebugOutput() {
		MavenBuild.Result result = this.build.property("persisted-ops.secret", SECRET)
			.debug()
			.run("persisted-ops:publish");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).contains("[DEBUG]", "Could not reach " + this.url).doesNotContain(SECRET);
	}

	@Test
	void theSecretCanComeFromAnEnvironmentVariableOfAnyName() {
		MavenBuild.Result result = this.build.property("persisted-ops.secretEnvironmentVariable", "IOS_SYNC_SECRET")
			.environment("IOS_SYNC_SECRET", SECRET)
			.debug()
			.run("persisted-ops:publish");
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.output()).contains("[DEBUG]", "Could not reach " + this.url).doesNotContain(SECRET);
	}

}
