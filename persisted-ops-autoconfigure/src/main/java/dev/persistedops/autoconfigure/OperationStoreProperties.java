package dev.persistedops.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.persistedops.document.InvalidOperationIdException;
import dev.persistedops.document.OperationId;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * The endpoint {@code graphql-ruby-client sync} pushes operations to, as to an
 * OperationStore, bound to {@code persisted-ops.operation-store}.
 */
public class OperationStoreProperties {

	private static final String CLIENTS = "persisted-ops.operation-store.clients";

	/**
	 * Whether the OperationStore sync endpoint is enabled.
	 */
	private boolean enabled = false;

	/**
	 * Path of the OperationStore sync endpoint.
	 */
	private String path = "/persisted-operations/sync";

	/**
	 * Clients that may sync, by name (the --client of graphql-ruby-client sync), each
	 * with its secrets (several, so that one can be rotated).
	 */
	private Map<String, Client> clients = new LinkedHashMap<>();

	/**
	 * Largest request body accepted.
	 */
	private DataSize maxBodySize = DataSize.ofMegabytes(2);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getPath() {
		return this.path;
	}

	public void setPath(String path) {
		this.path = path;
	}

	public Map<String, Client> getClients() {
		return this.clients;
	}

	public void setClients(Map<String, Client> clients) {
		this.clients = clients;
	}

	public DataSize getMaxBodySize() {
		return this.maxBodySize;
	}

	public void setMaxBodySize(DataSize maxBodySize) {
		this.maxBodySize = maxBodySize;
	}

	/**
	 * Return each client's secrets, blank ones left out.
	 */
	Map<String, List<String>> clientSecrets() {
		Map<String, List<String>> secrets = new LinkedHashMap<>();
		this.clients.forEach((name, client) -> secrets.put(name,
				client.getSecrets().stream().filter(StringUtils::hasText).toList()));
		return secrets;
	}

	/**
	 * Check that an enabled endpoint has what it needs.
	 * @throws InvalidConfigurationPropertyValueException if there is no client, a client
	 * has no secret, or a client name cannot be the namespace of an id
	 */
	void validate() {
		if (!this.enabled) {
			return;
		}
		if (this.clients.isEmpty()) {
			throw new InvalidConfigurationPropertyValueException(CLIENTS, null,
					"The OperationStore sync endpoint is enabled, so it needs at least one client with a secret");
		}
		clientSecrets().forEach((name, secrets) -> {
			if (secrets.isEmpty()) {
				throw new InvalidConfigurationPropertyValueException(CLIENTS + "." + name + ".secrets", null,
						"Every client needs at least one secret");
			}
			if (name.contains("/") || !isValidId(name)) {
				throw new InvalidConfigurationPropertyValueException(CLIENTS, name,
						"A client name may only contain A-Z a-z 0-9 - . _ ~ :");
			}
		});
	}

	private static boolean isValidId(String name) {
		try {
			OperationId.of(name);
			return true;
		}
		catch (InvalidOperationIdException ex) {
			return false;
		}
	}

	/**
	 * A client that may sync.
	 */
	public static class Client {

		/**
		 * Secrets the client signs its requests with (graphql-ruby-client sync --secret).
		 */
		private List<String> secrets = new ArrayList<>();

		public List<String> getSecrets() {
			return this.secrets;
		}

		public void setSecrets(List<String> secrets) {
			this.secrets = secrets;
		}

	}

}
