package dev.persistedops.test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.testcontainers.containers.GenericContainer;

/**
 * A real Redis for the tests: a container where a Docker engine exists, otherwise a local
 * {@code redis-server} (installed by {@code scripts/test}) started on a free port.
 * Neither is ever replaced by a mock, and a missing Redis fails the test that needs it.
 * <p>
 * {@link #stop()} and {@link #start()} simulate an outage on the same port. Set
 * {@code PERSISTED_OPS_TEST_REDIS=local} or {@code docker} to choose.
 */
public abstract class RedisTestServer implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(20);

	/**
	 * Start a Redis server.
	 */
	public static RedisTestServer launch() {
		String choice = System.getenv().getOrDefault("PERSISTED_OPS_TEST_REDIS", "");
		boolean docker = choice.equals("docker")
				|| (choice.isEmpty() && !isLocalBinaryAvailable() && TestServices.isDockerAvailable());
		RedisTestServer server = docker ? new ContainerServer() : new LocalServer();
		server.start();
		return server;
	}

	/**
	 * Return the host to connect to.
	 */
	public abstract String host();

	/**
	 * Return the port to connect to.
	 */
	public abstract int port();

	/**
	 * Start (again) on the same host and port, and wait until it answers.
	 */
	public abstract void start();

	/**
	 * Stop the server, keeping its host and port for {@link #start()}.
	 */
	public abstract void stop();

	/**
	 * Freeze the server: it keeps its connections open but answers nothing, as a hung
	 * Redis or a proxy in front of a dead one does.
	 */
	public abstract void freeze();

	/**
	 * Let a frozen server answer again, including the commands sent to it meanwhile.
	 */
	public abstract void thaw();

	/**
	 * Return the Spring Boot properties that point an application at this server.
	 */
	public String[] springProperties() {
		return new String[] { "spring.data.redis.host=" + host(), "spring.data.redis.port=" + port() };
	}

	/**
	 * Run commands against the server.
	 */
	public <T> T call(Function<RedisCommands<String, String>, T> commands) {
		RedisClient client = RedisClient.create("redis://" + host() + ":" + port());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return commands.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
		}
	}

	/**
	 * Return how many times the server ran each command since the last
	 * {@link #resetStats()}, from {@code INFO commandstats}: {@code get} to its count,
	 * and so on.
	 */
	public Map<String, Long> commandCalls() {
		String info = call((redis) -> redis.info("commandstats"));
		return info.lines()
			.filter((line) -> line.startsWith("cmdstat_"))
			.collect(Collectors.toMap((line) -> line.substring("cmdstat_".length(), line.indexOf(':')),
					(line) -> Long.parseLong(line.replaceAll("^[^:]+:calls=(\\d+),.*$", "$1"))));
	}

	/**
	 * Return how many times the server ran the given command since the last reset.
	 */
	public long commandCalls(String command) {
		return commandCalls().getOrDefault(command, 0L);
	}

	/**
	 * Reset the command statistics.
	 */
	public void resetStats() {
		call((redis) -> redis.configResetstat());
	}

	/**
	 * Remove every key.
	 */
	public void flushAll() {
		call((redis) -> redis.flushall());
	}

	@Override
	public void close() {
		stop();
	}

	private static boolean isLocalBinaryAvailable() {
		return TestServices.isOnPath("redis-server");
	}

	void awaitAnswer() {
		TestServices.awaitPort("Redis", host(), port(), STARTUP);
	}

	/**
	 * A local {@code redis-server} process.
	 */
	private static final class LocalServer extends RedisTestServer {

		private final RedisProcess redis = new RedisProcess(List.of());

		@Override
		public String host() {
			return "127.0.0.1";
		}

		@Override
		public int port() {
			return this.redis.port();
		}

		@Override
		public void start() {
			this.redis.start();
			awaitAnswer();
		}

		@Override
		public void stop() {
			this.redis.stop();
		}

		@Override
		public void freeze() {
			this.redis.signal("STOP");
		}

		@Override
		public void thaw() {
			this.redis.signal("CONT");
		}

	}

	/**
	 * Redis in a container; an outage pauses it, so that it keeps its mapped port.
	 */
	private static final class ContainerServer extends RedisTestServer {

		private final PausableContainer redis = new PausableContainer(new GenericContainer<>("redis:7-alpine"), 6379);

		@Override
		public String host() {
			return this.redis.host();
		}

		@Override
		public int port() {
			return this.redis.mappedPort();
		}

		@Override
		public void start() {
			this.redis.start();
			awaitAnswer();
		}

		@Override
		public void freeze() {
			stop();
		}

		@Override
		public void thaw() {
			start();
		}

		@Override
		public void stop() {
			this.redis.pause();
		}

		@Override
		public void close() {
			this.redis.close();
		}

	}

}
