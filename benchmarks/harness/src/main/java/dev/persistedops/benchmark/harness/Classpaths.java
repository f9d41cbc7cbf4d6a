package dev.persistedops.benchmark.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * How each server is launched, from the classpaths the build wrote
 * ({@code benchmarks/classpaths/*}/target/classpath.txt): the benchmark app without the
 * starter, with it, with it and the remote stores' clients; and the sample app, from its
 * classes or as its jar.
 *
 * @param root the repository's root
 */
public record Classpaths(Path root) {

	private static final String BENCHMARK_APP = "dev.persistedops.benchmark.app.BenchmarkApplication";

	private static final String SAMPLE_APP = "dev.persistedops.sample.SampleApplication";

	/**
	 * The benchmark app alone: plain Spring for GraphQL.
	 */
	public List<String> plain() {
		return List.of("-cp", read("plain"), BENCHMARK_APP);
	}

	/**
	 * The benchmark app alone, with Spring Boot Actuator and the Prometheus registry on
	 * the classpath (as the sample app has them).
	 */
	public List<String> plainWithActuator() {
		return List.of("-cp", read("plain-actuator"), BENCHMARK_APP);
	}

	/**
	 * The benchmark app with the starter.
	 */
	public List<String> starter() {
		return List.of("-cp", read("starter"), BENCHMARK_APP);
	}

	/**
	 * The benchmark app with the starter and the Redis and Azure Blob clients.
	 */
	public List<String> stores() {
		return List.of("-cp", read("stores"), BENCHMARK_APP);
	}

	/**
	 * The sample app from its classes, launched like the benchmark app.
	 */
	public List<String> sample() {
		Path classes = this.root.resolve("sample-app/target/classes");
		return List.of("-cp", existing(classes) + ":" + read("sample"), SAMPLE_APP);
	}

	/**
	 * The sample app as users run it: its repackaged jar.
	 */
	public List<String> sampleJar() {
		return List.of("-jar", existing(this.root.resolve("sample-app/target/sample-app.jar")));
	}

	/**
	 * The classpath of the JMH benchmarks.
	 */
	public String jmh() {
		return existing(this.root.resolve("benchmarks/jmh/target/classes")) + ":"
				+ read(this.root.resolve("benchmarks/jmh/target/classpath.txt"));
	}

	private String read(String variant) {
		return read(this.root.resolve("benchmarks/classpaths/" + variant + "/target/classpath.txt"));
	}

	private static String read(Path file) {
		try {
			return Files.readString(existingPath(file), StandardCharsets.UTF_8).trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String existing(Path path) {
		return existingPath(path).toString();
	}

	private static Path existingPath(Path path) {
		if (!Files.exists(path)) {
			throw new IllegalStateException(path + " is missing: build first (benchmarks/run does)");
		}
		return path;
	}

}
