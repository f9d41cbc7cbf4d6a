package dev.persistedops.test;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;

/**
 * A test service's container that an outage pauses rather than stops, so that it keeps
 * its mapped port and its data.
 */
final class PausableContainer {

	private final GenericContainer<?> container;

	private final int port;

	private boolean paused;

	PausableContainer(GenericContainer<?> container, int port) {
		this.container = container.withExposedPorts(port);
		this.port = port;
	}

	String host() {
		return this.container.getHost();
	}

	int mappedPort() {
		return this.container.getMappedPort(this.port);
	}

	GenericContainer<?> container() {
		return this.container;
	}

	/**
	 * Start the container, or let a paused one run again.
	 */
	void start() {
		if (this.paused) {
			DockerClientFactory.instance().client().unpauseContainerCmd(this.container.getContainerId()).exec();
			this.paused = false;
		}
		else {
			this.container.start();
		}
	}

	/**
	 * Pause a running container.
	 */
	void pause() {
		if (this.container.isRunning() && !this.paused) {
			DockerClientFactory.instance().client().pauseContainerCmd(this.container.getContainerId()).exec();
			this.paused = true;
		}
	}

	void close() {
		this.container.stop();
	}

}
