package dev.persistedops.sample;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What the sample app says when it starts, as a user reads it on the console: the
 * one-line summary of what is in force, and the messages for configuration mistakes.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupMessagesTests {

	private static final String SUMMARY = "Persisted operations: ";

	@Test
	void defaultProfileSummarizesWhatIsInForceOnce(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start()) {
			assertThat(summaryLines(output)).singleElement()
				.satisfies((line) -> assertThat(line)
					.contains("filesystem store, 5 documents from [classpath:/persisted-operations/]")
					.contains("ids hex digests checked as md5, sha1 or sha256 by length")
					.contains("enforcement off")
					.contains("automatic persisted queries on")
					.contains("1 override bean;")
					.contains("publishing off"));
		}
	}

	@Test
	void prodProfileSummarizesWhatIsInForceOnce(CapturedOutput output) {
		try (ConfigurableApplicationContext context = start("--spring.profiles.active=prod",
				"--STAFF_SECRET=change-me")) {
			assertThat(summaryLines(output)).singleElement()
				.satisfies((line) -> assertThat(line).contains("filesystem store, 5 documents")
					.contains("enforcement enforce")
					.doesNotContain("deprecated")
					.contains("1 override bean;"));
		}
	}

	@Test
	void misspeltEnforcementKeyFailsStartupNamingTheClosestProperty(CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--persisted-ops.only-persited=true"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("persisted-ops.only-persited")
			.contains("did you mean persisted-ops.only-persisted?");
	}

	@Test
	void locationWithoutItsClasspathPrefixSaysToWriteIt(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> start("--persisted-ops.store.filesystem.locations=persisted-operations/"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("persisted-operations/ does not exist; classpath:/persisted-operations/ does: write the location "
					+ "with its classpath: prefix")
			.contains("persisted-ops.store.filesystem.locations");
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		String[] all = new String[arguments.length + 1];
		all[0] = "--server.port=0";
		System.arraycopy(arguments, 0, all, 1, arguments.length);
		return new SpringApplicationBuilder(SampleApplication.class).run(all);
	}

	private static List<String> summaryLines(CapturedOutput output) {
		return output.getAll().lines().filter((line) -> line.contains(SUMMARY)).toList();
	}

}
