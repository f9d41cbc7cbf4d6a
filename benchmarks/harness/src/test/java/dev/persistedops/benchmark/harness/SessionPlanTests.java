package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SessionPlanTests {

	@TempDir
	Path root;

	@Test
	void pickingKeepsTheComparisonsWhoseTitleHasTheTextAndTheServersTheyUse() throws IOException {
		SessionPlan peers = peers();
		SessionPlan picked = peers.picking("by id / graphql-java APQ");
		assertThat(picked.comparisons()).extracting(Comparison::shape).containsExactly("large", "trivial");
		assertThat(picked.comparisons()).extracting(Comparison::title).containsOnly(Sessions.STARTER_BY_ID_VS_APQ);
		assertThat(picked.servers()).extracting(ServerSpec::name).containsExactly("apq", "starter-id");
		assertThat(picked.registrations()).hasSize(2).allMatch((registration) -> registration.server().equals("apq"));
		assertThat(picked.name()).isEqualTo(peers.name());
		assertThat(picked.startups()).isEqualTo(peers.startups());
	}

	@Test
	void pickingNothingKeepsTheWholePlan() throws IOException {
		SessionPlan peers = peers();
		assertThat(peers.picking("")).isSameAs(peers);
	}

	@Test
	void pickingTextNoTitleHasIsRefusedWithTheTitles() throws IOException {
		SessionPlan peers = peers();
		assertThatIllegalArgumentException().isThrownBy(() -> peers.picking("Redis"))
			.withMessageContaining("No comparison of the peers part has \"Redis\" in its title")
			.withMessageContaining(Sessions.STARTER_BY_ID_VS_APQ);
	}

	private SessionPlan peers() throws IOException {
		for (String variant : new String[] { "plain", "plain-actuator", "starter", "stores", "sample" }) {
			Path classpath = this.root.resolve("benchmarks/classpaths/" + variant + "/target/classpath.txt");
			Files.createDirectories(classpath.getParent());
			Files.writeString(classpath, "/" + variant + ".jar");
		}
		Files.createDirectories(this.root.resolve("sample-app/target/classes"));
		Files.writeString(this.root.resolve("sample-app/target/sample-app.jar"), "");
		DocumentSet documents = new DocumentSet(100, this.root.resolve("files"), this.root.resolve("manifest.json"),
				this.root.resolve("ids.txt"));
		return Sessions.peers(new Classpaths(this.root), documents);
	}

}
