package dev.persistedops.benchmark.app;

import dev.persistedops.sample.BookController;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The application the benchmarks measure: plain Spring for GraphQL with the sample app's
 * schema and data fetchers. Whether the starter takes part is decided by the classpath it
 * is started with, not by this code, so that the same application code is measured with
 * and without it.
 */
@SpringBootApplication
@Import(BookController.class)
public class BenchmarkApplication {

	public static void main(String[] args) {
		SpringApplication.run(BenchmarkApplication.class, args);
	}

}
