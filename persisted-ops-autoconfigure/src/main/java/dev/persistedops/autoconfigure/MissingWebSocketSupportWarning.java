package dev.persistedops.autoconfigure;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * Warns at startup that a Spring MVC application asks for GraphQL over WebSocket
 * ({@code spring.graphql.websocket.path}) without WebSocket support on the classpath:
 * without this line, the path would simply not be served, subscriptions included.
 */
final class MissingWebSocketSupportWarning implements InitializingBean {

	private static final Log logger = LogFactory.getLog(MissingWebSocketSupportWarning.class);

	private final String path;

	MissingWebSocketSupportWarning(String path) {
		this.path = path;
	}

	@Override
	public void afterPropertiesSet() {
		logger.warn("spring.graphql.websocket.path is set to '" + this.path + "', but Spring MVC has no WebSocket "
				+ "support on the classpath, so GraphQL over WebSocket (subscriptions, by id or not) is not served "
				+ "there: add spring-boot-starter-websocket, or remove the property.");
	}

}
