package dev.persistedops.benchmark.harness;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one wrk run reports.
 *
 * @param requests requests completed
 * @param seconds how long it ran
 * @param requestsPerSecond throughput
 * @param p50Millis median latency
 * @param p99Millis 99th percentile latency
 * @param failures responses that were not a 200 with data (non-2xx, GraphQL errors) plus
 * socket errors
 */
public record LoadResult(long requests, double seconds, double requestsPerSecond, double p50Millis, double p99Millis,
		long failures) {

	private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(us|ms|s|m|h)");

	private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");

	private static final Pattern SOCKET_ERRORS = Pattern
		.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

	private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

	private static final Pattern GRAPHQL_ERRORS = Pattern.compile("graphql-errors: (\\d+)");

	/**
	 * Read wrk's output (run with {@code --latency} and the script of
	 * {@link LoadRequest#wrkScript()}).
	 * @throws IllegalArgumentException if it is not wrk's summary
	 */
	public static LoadResult parse(String output) {
		Matcher requests = find(REQUESTS, output, "the request count");
		Matcher rate = find(RATE, output, "Requests/sec");
		long failures = 0;
		Matcher socket = SOCKET_ERRORS.matcher(output);
		if (socket.find()) {
			for (int group = 1; group <= 4; group++) {
				failures += Long.parseLong(socket.group(group));
			}
		}
		Matcher non2xx = NON_2XX.matcher(output);
		Matcher graphQlErrors = GRAPHQL_ERRORS.matcher(output);
		// The script counts non-2xx responses too; take the larger count, not the sum.
		failures += Math.max(non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0,
				graphQlErrors.find() ? Long.parseLong(graphQlErrors.group(1)) : 0);
		return new LoadResult(Long.parseLong(requests.group(1)), seconds(requests.group(2), requests.group(3)),
				Double.parseDouble(rate.group(1)), percentile(output, "50%"), percentile(output, "99%"), failures);
	}

	private static double percentile(String output, String percent) {
		Matcher matcher = Pattern
			.compile("^\\s+" + Pattern.quote(percent) + "\\s+([\\d.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE)
			.matcher(output);
		return matcher.find() ? seconds(matcher.group(1), matcher.group(2)) * 1000 : Double.NaN;
	}

	private static double seconds(String value, String unit) {
		double number = Double.parseDouble(value);
		return switch (unit) {
			case "us" -> number / 1_000_000;
			case "ms" -> number / 1000;
			case "m" -> number * 60;
			case "h" -> number * 3600;
			default -> number;
		};
	}

	private static Matcher find(Pattern pattern, String output, String what) {
		Matcher matcher = pattern.matcher(output);
		if (!matcher.find()) {
			throw new IllegalArgumentException("No " + what + " in wrk's output:\n" + output);
		}
		return matcher;
	}

}
