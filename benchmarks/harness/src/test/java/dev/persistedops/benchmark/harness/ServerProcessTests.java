package dev.persistedops.benchmark.harness;

import org.junit.jupiter.api.Test;

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

}
