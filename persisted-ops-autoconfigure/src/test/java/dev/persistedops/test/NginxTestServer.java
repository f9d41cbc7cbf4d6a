package dev.persistedops.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * A real nginx (installed by {@code scripts/test} from Debian's packages) started on a
 * free port as a caching reverse proxy in front of a local application, as a CDN or a
 * shared cache would sit in front of it. It caches what the application's
 * {@code Cache-Control} allows (no {@code proxy_cache_valid}), revalidates with the
 * application's {@code ETag}, and logs each request with the application's status and the
 * cache's verdict. A missing nginx fails the test that needs it.
 */
public final class NginxTestServer implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(20);

	private static final Duration LOGGING = Duration.ofSeconds(5);

	private final Path directory;

	private final int port = TestServices.freePort();

	private final Process process;

	private NginxTestServer(int upstreamPort) {
		Path nginx = binary().orElseThrow(() -> new IllegalStateException(
				"No nginx on the PATH or in /usr/sbin: run the tests with scripts/test, which installs nginx "
						+ "(Debian package)"));
		try {
			this.directory = TestServices.temporaryDirectory("nginx-test");
			Files.writeString(this.directory.resolve("nginx.conf"), configuration(upstreamPort));
			Files.createFile(this.directory.resolve("access.log"));
			this.process = new ProcessBuilder(nginx.toString(), "-p", this.directory.toString(), "-c",
					this.directory.resolve("nginx.conf").toString(), "-e",
					this.directory.resolve("error.log").toString())
				.redirectErrorStream(true)
				.redirectOutput(this.directory.resolve("nginx.out").toFile())
				.start();
			TestServices.stopOnExit(this.process);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start nginx", ex);
		}
		try {
			TestServices.awaitPort("nginx", "127.0.0.1", this.port, STARTUP);
		}
		catch (IllegalStateException ex) {
			close();
			throw new IllegalStateException(ex.getMessage() + ": " + read("nginx.out") + read("error.log"), ex);
		}
	}

	private String read(String file) {
		try {
			return Files.readString(this.directory.resolve(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * Start nginx as a caching proxy in front of the application on the given local port.
	 */
	public static NginxTestServer proxyTo(int upstreamPort) {
		return new NginxTestServer(upstreamPort);
	}

	/**
	 * Return the port nginx listens on.
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Return what nginx logged for the GET requests to the given path and query, a line a
	 * request: {@code <status> <upstream status> <cache status>}, where the upstream
	 * status is {@code -} if the application was not asked and the cache status is
	 * {@code MISS}, {@code HIT}, {@code REVALIDATED}, {@code EXPIRED} or {@code -}. nginx
	 * writes a line once the response has been sent, so a client can have its answer
	 * before the line is there: wait until the given number of requests is logged.
	 * @param pathAndQuery the request's path and query, as sent
	 * @param requests how many GET requests to that path and query to wait for
	 */
	public List<String> accessLog(String pathAndQuery, int requests) {
		String prefix = "GET " + pathAndQuery + " ";
		return await().atMost(LOGGING)
			.until(() -> readAccessLog().stream()
				.filter((line) -> line.startsWith(prefix))
				.map((line) -> line.substring(prefix.length()))
				.toList(), (lines) -> lines.size() >= requests);
	}

	private List<String> readAccessLog() {
		try {
			return Files.readAllLines(this.directory.resolve("access.log"), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		TestServices.stop(this.process);
	}

	private String configuration(int upstreamPort) {
		String dir = this.directory.toString();
		// Run as root (as in a container), the workers would otherwise drop to 'nobody'
		// and lose access to the temporary directory.
		String user = "root".equals(System.getProperty("user.name")) ? "user root;\n" : "";
		return user
				+ """
						daemon off;
						worker_processes 1;
						pid %1$s/nginx.pid;
						error_log %1$s/error.log warn;
						events {
						  worker_connections 64;
						}
						http {
						  log_format edge '$request_method $request_uri $status $upstream_status $upstream_cache_status';
						  access_log %1$s/access.log edge;
						  client_body_temp_path %1$s/client_body;
						  proxy_temp_path %1$s/proxy;
						  fastcgi_temp_path %1$s/fastcgi;
						  uwsgi_temp_path %1$s/uwsgi;
						  scgi_temp_path %1$s/scgi;
						  proxy_cache_path %1$s/cache levels=1:2 keys_zone=graphql:1m max_size=16m inactive=10m use_temp_path=off;
						  server {
						    listen 127.0.0.1:%2$d;
						    location / {
						      proxy_pass http://127.0.0.1:%3$d;
						      proxy_http_version 1.1;
						      proxy_cache graphql;
						      proxy_cache_revalidate on;
						      add_header X-Cache-Status $upstream_cache_status always;
						    }
						  }
						}
						"""
					.formatted(dir, this.port, upstreamPort);
	}

	private static Optional<Path> binary() {
		String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/sbin";
		return Stream.of(path.split(File.pathSeparator))
			.filter((directory) -> !directory.isEmpty())
			.map((directory) -> Path.of(directory, "nginx"))
			.filter(Files::isExecutable)
			.findFirst();
	}

}
