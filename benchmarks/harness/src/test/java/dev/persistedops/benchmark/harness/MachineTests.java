package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class MachineTests {

	@TempDir
	Path root;

	private Settings settings;

	@BeforeEach
	void commitSomeCode() throws Exception {
		git("init", "-q");
		Files.writeString(this.root.resolve("App.java"), "class App {}\n");
		git("add", ".");
		git("commit", "-q", "-m", "code");
		this.settings = Settings.parse(this.root, 2);
	}

	@Test
	void theCodeIsTheLastCommitThatChangedItInFull() throws Exception {
		String code = git("rev-parse", "HEAD");
		Files.writeString(this.root.resolve("README.md"), "# Results\n");
		git("add", ".");
		git("commit", "-q", "-m", "Markdown only");
		assertThat(Machine.code(this.settings)).isEqualTo(new Machine.Code(code, false));
		assertThat(code).hasSize(40);
	}

	@Test
	void aChangedOrNewSourceFileIsUncommittedCode() throws Exception {
		Files.writeString(this.root.resolve("Other.java"), "class Other {}\n");
		assertThat(Machine.code(this.settings).uncommitted()).isTrue();
		Files.delete(this.root.resolve("Other.java"));
		Files.writeString(this.root.resolve("App.java"), "class App { }\n");
		assertThat(Machine.code(this.settings).uncommitted()).isTrue();
	}

	@Test
	void changedMarkdownIsNotUncommittedCode() throws Exception {
		Files.writeString(this.root.resolve("RESULTS.md"), "# Results\n");
		assertThat(Machine.code(this.settings).uncommitted()).isFalse();
		assertThat(Machine.describe(this.settings).get(Machine.COMMIT)).endsWith("(with uncommitted changes)");
	}

	@Test
	void partsKeptByARunAreNotCode() throws Exception {
		String code = git("rev-parse", "HEAD");
		Path parts = Files.createDirectories(this.root.resolve("benchmarks/parts"));
		Files.writeString(parts.resolve("stores.tsv"), "key\tcode=" + code + "\n");
		assertThat(Machine.code(this.settings)).isEqualTo(new Machine.Code(code, false));
		assertThat(Machine.describe(this.settings).get(Machine.COMMIT)).doesNotContain("uncommitted");
		git("add", ".");
		git("commit", "-q", "-m", "A sitting's parts");
		assertThat(Machine.code(this.settings)).isEqualTo(new Machine.Code(code, false));
		Files.writeString(this.root.resolve("benchmarks/partsnot.tsv"), "code\n");
		assertThat(Machine.code(this.settings).uncommitted()).isTrue();
	}

	private String git(String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("git", "-C", this.root.toString(), "-c", "user.name=harness",
				"-c", "user.email=harness@localhost", "-c", "commit.gpgsign=false"));
		command.addAll(List.of(arguments));
		Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(git.getInputStream().readAllBytes()).trim();
		assertThat(git.waitFor(30, TimeUnit.SECONDS)).isTrue();
		assertThat(git.exitValue()).as(output).isZero();
		return output;
	}

}
