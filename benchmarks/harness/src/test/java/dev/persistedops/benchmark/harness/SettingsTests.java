package dev.persistedops.benchmark.harness;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SettingsTests {

	private final Path root = Path.of("/repo");

	@Test
	void fullRunByDefaultPooledOverThreeLaunches() {
		Settings settings = Settings.parse(this.root, 2);
		assertThat(settings.launches()).isEqualTo(3);
		assertThat(settings.rounds()).isEqualTo(5);
		assertThat(settings.sizes()).containsExactly(100, 10_000, 100_000);
		assertThat(settings.sessions()).isEqualTo(Settings.ALL_SESSIONS);
		assertThat(settings.output()).isEqualTo(Path.of("/repo/benchmarks/RESULTS.md"));
	}

	@Test
	void serversAndLoadGetSeparateCpus() {
		assertThat(Settings.parse(this.root, 2).serverCpus()).isEqualTo("0");
		assertThat(Settings.parse(this.root, 2).loadCpus()).isEqualTo("1");
		assertThat(Settings.parse(this.root, 8).loadCpus()).isEqualTo("1-7");
		assertThat(Settings.parse(this.root, 1).serverCpus()).isEmpty();
	}

	@Test
	void twoServersAreMeasuredTogetherUnlessToldInTurn() {
		assertThat(Settings.parse(this.root, 2).together()).isTrue();
		Settings inTurn = Settings.parse(this.root, 2, "--in-turn", "--rounds", "7");
		assertThat(inTurn.together()).isFalse();
		assertThat(inTurn.rounds()).isEqualTo(7);
		assertThat(inTurn.withClockTicks(100).together()).isFalse();
	}

	@Test
	void aServerTimedAtStartupRunsOnEveryCpuUnlessTold() {
		assertThat(Settings.parse(this.root, 2).startupCpus()).isEmpty();
		assertThat(Settings.parse(this.root, 2, "--startup-cpus", "0").startupCpus()).isEqualTo("0");
	}

	@Test
	void finishedPartsAreKeptInTheRepository() {
		assertThat(Settings.parse(this.root, 2).parts()).isEqualTo(Path.of("/repo/benchmarks/parts"));
	}

	@Test
	void pickedComparisonsKeepTheirPartsAndReportApartFromTheWholeRun() {
		Settings picked = Settings.parse(this.root, 2, "--sessions", "peers", "--comparisons", "graphql-java APQ",
				"--launches", "10");
		assertThat(picked.comparisons()).isEqualTo("graphql-java APQ");
		assertThat(picked.parts()).isEqualTo(Path.of("/repo/benchmarks/target/work/parts"));
		assertThat(picked.output()).isEqualTo(Path.of("/repo/benchmarks/target/work/RESULTS-comparisons.md"));
		assertThat(picked.withClockTicks(100).comparisons()).isEqualTo("graphql-java APQ");
		assertThat(Settings.parse(this.root, 2).comparisons()).isEmpty();
		assertThat(Settings
			.parse(this.root, 2, "--sessions", "peers,stores", "--comparisons", "Redis", "--output",
					"/elsewhere/picked.md")
			.output()).isEqualTo(Path.of("/elsewhere/picked.md"));
	}

	@Test
	void comparisonsArePickedFromThePeersAndStoresPartsOnly() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Settings.parse(this.root, 2, "--comparisons", "graphql-java APQ"))
			.withMessageContaining("--sessions peers, stores or both");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Settings.parse(this.root, 2, "--sessions", "peers,scale", "--comparisons", "uniform"))
			.withMessageContaining("--sessions peers, stores or both");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> Settings.parse(this.root, 2, "--sessions", "peers", "--comparisons", " "))
			.withMessageContaining("--comparisons needs");
	}

	@Test
	void quickIsShorterAndEachNumberCanBeSet() {
		Settings settings = Settings.parse(this.root, 2, "--quick", "--rounds", "2", "--sessions", "scale,peers",
				"--sizes", "10000,100");
		assertThat(settings.launches()).isEqualTo(1);
		assertThat(settings.rounds()).isEqualTo(2);
		assertThat(settings.sessions()).isEqualTo(List.of("peers", "scale"));
		assertThat(settings.sizes()).containsExactly(100, 10_000);
	}

	@Test
	void serversRunOnSmallPagesUnlessTold() {
		assertThat(Settings.parse(this.root, 2).jvmOptions()).containsExactly("-Xms2g", "-Xmx2g", "-XX:+UseSerialGC");
		assertThat(Settings.parse(this.root, 2).hugePages()).isFalse();
	}

	@Test
	void hugePagesAreComparedOnLinuxWhenTheServersRunWithoutThem() {
		assertThat(Settings.parse(this.root, 2).comparesHugePages("Linux")).isTrue();
		assertThat(Settings.parse(this.root, 2).comparesHugePages("Mac OS X")).isFalse();
		assertThat(Settings.parse(this.root, 2, "--jvm-options", Settings.HUGE_PAGES).comparesHugePages("Linux"))
			.isFalse();
	}

	@Test
	void hugePagesFollowTheLastOptionThatNamesThem() {
		assertThat(Settings.parse(this.root, 2, "--jvm-options", "-Xmx1g " + Settings.HUGE_PAGES).hugePages()).isTrue();
		assertThat(Settings.parse(this.root, 2, "--jvm-options", "-Xmx1g").hugePages()).isFalse();
		assertThat(Settings.parse(this.root, 2, "--jvm-options", Settings.HUGE_PAGES + " " + Settings.SMALL_PAGES)
			.hugePages()).isFalse();
	}

	@Test
	void unknownOptionsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> Settings.parse(this.root, 2, "--fast", "1"));
		assertThatIllegalArgumentException().isThrownBy(() -> Settings.parse(this.root, 2, "--sessions", "all"));
		assertThatIllegalArgumentException().isThrownBy(() -> Settings.parse(this.root, 2, "--sizes", "100"));
	}

}
