package dev.persistedops.benchmark.harness;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

class LoadResultTests {

	private static final String OUTPUT = """
			Running 5s test @ http://127.0.0.1:41234/graphql
			  1 threads and 4 connections
			  Thread Stats   Avg      Stdev     Max   +/- Stdev
			    Latency   452.12us  100.20us   3.24ms   90.12%
			    Req/Sec     8.80k   300.00     9.10k    80.00%
			  Latency Distribution
			     50%  430.00us
			     75%  480.00us
			     90%  550.00us
			     99%    1.02ms
			  43802 requests in 5.00s, 12.80MB read
			Requests/sec:   8759.12
			Transfer/sec:      2.56MB
			graphql-errors: 0
			""";

	@Test
	void readsThroughputRequestsAndLatencies() {
		LoadResult result = LoadResult.parse(OUTPUT);
		assertThat(result.requests()).isEqualTo(43802);
		assertThat(result.seconds()).isEqualTo(5.0);
		assertThat(result.requestsPerSecond()).isEqualTo(8759.12);
		assertThat(result.p50Millis()).isCloseTo(0.43, within(1e-9));
		assertThat(result.p99Millis()).isCloseTo(1.02, within(1e-9));
		assertThat(result.failures()).isZero();
	}

	@Test
	void countsGraphQlErrorsNon2xxAndSocketErrorsAsFailures() {
		String output = OUTPUT.replace("graphql-errors: 0", "graphql-errors: 7")
			.replace("Requests/sec:",
					"  Socket errors: connect 0, read 2, write 0, timeout 1\n  Non-2xx or 3xx responses: 5\nRequests/sec:");
		// The script counts non-2xx responses among its errors, so they are not added
		// twice.
		assertThat(LoadResult.parse(output).failures()).isEqualTo(7 + 3);
	}

	@Test
	void refusesOutputThatIsNotWrksSummary() {
		assertThatIllegalArgumentException().isThrownBy(() -> LoadResult.parse("unable to connect to 127.0.0.1:1"));
	}

}
