package dev.persistedops.benchmark.harness;

import java.util.ArrayList;
import java.util.List;

/**
 * A server to start: a JVM with a classpath (or a jar) and Spring Boot properties.
 *
 * @param name its short name, as in {@code starter} or {@code plain}
 * @param description what it is, for RESULTS.md
 * @param launch what follows the JVM options all servers share: this server's own JVM
 * options, if any, then {@code -cp <classpath> <main class>} or {@code -jar <jar>}
 * @param properties Spring Boot properties, passed as {@code --name=value}
 * @param readiness the request whose first successful answer ends its startup
 */
public record ServerSpec(String name, String description, List<String> launch, List<String> properties,
		LoadRequest readiness) {

	/**
	 * Return the same server with one more Spring Boot property.
	 */
	ServerSpec withProperty(String property) {
		List<String> properties = new ArrayList<>(this.properties);
		properties.add(property);
		return new ServerSpec(this.name, this.description, this.launch, List.copyOf(properties), this.readiness);
	}

	/**
	 * Return the command that starts it.
	 */
	List<String> command(String java, List<String> jvmOptions, int port) {
		List<String> command = new ArrayList<>();
		command.add(java);
		command.addAll(jvmOptions);
		command.addAll(this.launch);
		command.add("--server.address=127.0.0.1");
		command.add("--server.port=" + port);
		for (String property : this.properties) {
			command.add("--" + property);
		}
		return command;
	}

}
