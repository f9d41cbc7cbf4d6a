package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

class ServerProcessTests {

	@Test
	void heapOfSerialGcIsBothGenerationsWithoutMetaspace() {
		String heapInfo = """
				4242:
				 def new generation   total 157248K, used 2048K [0x0000000080000000, 0x000000008aaa0000, 0x000000008aaa0000)
				  eden space 139776K,   1% used [0x0000000080000000, 0x0000000080200000, 0x0000000088880000)
				  from space 17472K,   0% used [0x0000000088880000, 0x0000000088880000, 0x0000000089990000)
				 tenured generation   total 349568K, used 40960K [0x000000008aaa0000, 0x00000000a0000000, 0x00000000a0000000)
				   the space 349568K,  11% used [0x000000008aaa0000, 0x000000008d2a0000, 0x000000008d2a0200, 0x00000000a0000000)
				 Metaspace       used 45678K, committed 46000K, reserved 1114112K
				  class space    used 5678K, committed 6000K, reserved 1048576K
				""";
		assertThat(ServerProcess.heapUsedMegabytes(heapInfo)).isCloseTo(42.0, within(1e-9));
	}

	@Test
	void heapOfG1IsItsOneHeapLine() {
		String heapInfo = """
				4242:
				 garbage-first heap   total 262144K, used 30720K [0x0000000700000000, 0x0000000800000000)
				  region size 1024K, 2 young (2048K), 0 survivors (0K)
				 Metaspace       used 45678K, committed 46000K, reserved 1114112K
				""";
		assertThat(ServerProcess.heapUsedMegabytes(heapInfo)).isCloseTo(30.0, within(1e-9));
	}

	@Test
	void heapInfoWithoutAHeapIsRefused() {
		assertThatIllegalStateException().isThrownBy(() -> ServerProcess.heapUsedMegabytes("4242:\n"));
	}

	@Test
	void compilerTicksAreThoseOfTheJitCompilerThreadsOnly(@TempDir Path tasks) throws IOException {
		// utime 120 and stime 30 (fields 14 and 15); a name may hold spaces and brackets.
		String rest = " S 1 1 1 0 -1 4194368 0 0 0 0 120 30 0 0 20 0 1 0 100 0 0";
		Path c2 = Files.createDirectories(tasks.resolve("101"));
		Files.writeString(c2.resolve("stat"), "101 (C2 CompilerThre)" + rest);
		Path c1 = Files.createDirectories(tasks.resolve("102"));
		Files.writeString(c1.resolve("stat"), "102 (C1 CompilerThre)" + rest);
		Path worker = Files.createDirectories(tasks.resolve("103"));
		Files.writeString(worker.resolve("stat"), "103 (http-nio-1 (C2))" + rest);
		assertThat(ServerProcess.compilerTicks(c2)).isEqualTo(150);
		assertThat(ServerProcess.compilerTicks(c1)).isEqualTo(150);
		assertThat(ServerProcess.compilerTicks(worker)).isZero();
		assertThat(ServerProcess.compilerTicks(tasks.resolve("104"))).isZero();
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void aJvmOnLinuxNamesItsCompilerThreadsAsTheHarnessExpects() throws IOException {
		try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
			assertThat(threads.map((thread) -> thread.resolve("comm")).map(ServerProcessTests::read))
				.anyMatch((name) -> name.startsWith("C2 CompilerThre"));
		}
	}

	private static String read(Path path) {
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			return "";
		}
	}

}
