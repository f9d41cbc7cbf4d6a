package dev.persistedops.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * A real Redis Cluster of three masters (no replicas), local {@code redis-server}
 * processes in cluster mode on free ports, joined with {@code redis-cli --cluster
 * create}. Each node's cluster bus has a free port of its own too.
 */
public final class RedisClusterTestServer implements AutoCloseable {

	private static final Duration FORMING = Duration.ofSeconds(30);

	private final List<RedisProcess> nodes = new ArrayList<>();

	private RedisClusterTestServer() {
		for (int i = 0; i < 3; i++) {
			this.nodes.add(new RedisProcess(
					List.of("--cluster-enabled", "yes", "--cluster-port", String.valueOf(TestServices.freePort()),
							"--cluster-config-file", "nodes.conf", "--cluster-node-timeout", "5000")));
		}
	}

	/**
	 * Start the three nodes and join them into a cluster whose slots are all served.
	 */
	public static RedisClusterTestServer launch() {
		RedisClusterTestServer cluster = new RedisClusterTestServer();
		try {
			cluster.nodes.forEach(RedisProcess::start);
			cluster.create();
			return cluster;
		}
		catch (RuntimeException ex) {
			cluster.close();
			throw ex;
		}
	}

	private void create() {
		List<String> command = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
		this.nodes.forEach((node) -> command.add("127.0.0.1:" + node.port()));
		command.addAll(List.of("--cluster-replicas", "0", "--cluster-yes"));
		try {
			Process create = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(this.nodes.get(0).directory().resolve("create.log").toFile())
				.start();
			if (create.waitFor() != 0) {
				throw new IllegalStateException("redis-cli --cluster create failed: see "
						+ this.nodes.get(0).directory().resolve("create.log"));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		Instant deadline = Instant.now().plus(FORMING);
		while (!this.nodes.stream()
			.allMatch((node) -> call(node, (redis) -> redis.clusterInfo()).contains("cluster_state:ok"))) {
			if (Instant.now().isAfter(deadline)) {
				throw new IllegalStateException("The Redis Cluster did not form within " + FORMING);
			}
			TestServices.sleep(100);
		}
	}

	/**
	 * Return the Spring Boot properties that point an application at the cluster.
	 */
	public String[] springProperties() {
		return new String[] { "spring.data.redis.cluster.nodes="
				+ String.join(",", this.nodes.stream().map((node) -> "127.0.0.1:" + node.port()).toList()) };
	}

	/**
	 * Run commands against each node on its own (not through the cluster), in the order
	 * the nodes were started.
	 */
	public <T> List<T> callEachNode(Function<RedisCommands<String, String>, T> commands) {
		return this.nodes.stream().map((node) -> call(node, commands)).toList();
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
		this.nodes.forEach(RedisProcess::stop);
	}

}
