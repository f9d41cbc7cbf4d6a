package dev.persistedops.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.ValueListOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;

/**
 * A real Redis Sentinel setup: a master and a replica ({@code redis-server}) watched by a
 * {@code redis-sentinel} (quorum 1, so that it alone may fail over), on free ports.
 * {@link #killMaster()} ends the master as a crash would; the sentinel then promotes the
 * replica within a few seconds.
 */
public final class RedisSentinelTestServer implements AutoCloseable {

	/** The name the sentinel knows the master by. */
	public static final String MASTER_NAME = "persisted-ops";

	private static final Duration FAILOVER = Duration.ofSeconds(60);

	private final RedisProcess master = new RedisProcess(List.of());

	private final RedisProcess replica;

	private final RedisProcess sentinel;

	private RedisSentinelTestServer() {
		this.replica = new RedisProcess(List.of("--replicaof", "127.0.0.1", String.valueOf(this.master.port())));
		Path config;
		try {
			config = TestServices.temporaryFile("sentinel", ".conf");
			// The sentinel rewrites its configuration file as it learns the setup.
			Files.writeString(config,
					String.join("\n", "sentinel monitor " + MASTER_NAME + " 127.0.0.1 " + this.master.port() + " 1",
							"sentinel down-after-milliseconds " + MASTER_NAME + " 1000",
							"sentinel failover-timeout " + MASTER_NAME + " 10000",
							"sentinel parallel-syncs " + MASTER_NAME + " 1", ""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.sentinel = new RedisProcess("redis-sentinel", List.of(config.toString()), List.of());
	}

	/**
	 * Start the master, the replica and the sentinel, and wait until the sentinel knows
	 * the replica and the replica is in sync.
	 */
	public static RedisSentinelTestServer launch() {
		RedisSentinelTestServer server = new RedisSentinelTestServer();
		try {
			server.master.start();
			server.replica.start();
			server.sentinel.start();
			server.await("the replica to be in sync and known to the sentinel",
					() -> call(server.replica, (redis) -> redis.info("replication")).contains("master_link_status:up")
							&& call(server.sentinel, (redis) -> redis.info("sentinel")).contains("slaves=1"));
			return server;
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
	}

	/**
	 * Return the Spring Boot properties that point an application at the sentinel.
	 */
	public String[] springProperties() {
		return new String[] { "spring.data.redis.sentinel.master=" + MASTER_NAME,
				"spring.data.redis.sentinel.nodes=127.0.0.1:" + this.sentinel.port() };
	}

	/**
	 * Run commands against the current master.
	 */
	public <T> T callMaster(Function<RedisCommands<String, String>, T> commands) {
		return call(isReplicaPromoted() ? this.replica : this.master, commands);
	}

	/**
	 * Kill the master (SIGKILL), as a crash would.
	 */
	public void killMaster() {
		this.master.kill();
	}

	/**
	 * Wait until the sentinel has promoted the replica.
	 */
	public void awaitFailover() {
		await("the sentinel to promote the replica", this::isReplicaPromoted);
	}

	/**
	 * Whether the sentinel names the former replica as the master.
	 */
	public boolean isReplicaPromoted() {
		List<String> address = call(this.sentinel,
				(redis) -> redis.dispatch(CommandType.SENTINEL, new ValueListOutput<>(StringCodec.UTF8),
						new CommandArgs<>(StringCodec.UTF8).add("get-master-addr-by-name").add(MASTER_NAME)));
		return address.size() == 2 && address.get(1).equals(String.valueOf(this.replica.port()));
	}

	private void await(String what, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(FAILOVER);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("Timed out waiting for " + what);
			}
			TestServices.sleep(100);
		}
	}

	private static <T> T call(RedisProcess node, Function<RedisCommands<String, String>, T> commands) {
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + node.port());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return commands.apply(connection.sync());
		}
		finally {
			client.shutdown(Duration.ZERO, Duration.ofSeconds(1));
		}
	}

	@Override
	public void close() {
		this.sentinel.stop();
		this.replica.stop();
		this.master.stop();
	}

}
