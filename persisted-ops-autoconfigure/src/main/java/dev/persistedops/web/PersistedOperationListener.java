package dev.persistedops.web;

/**
 * Told of every decision of the persisted operation interceptor, for metrics and the
 * like. Declare one as a bean; it is called on the request's thread, so it must be quick
 * and must not block.
 */
@FunctionalInterface
public interface PersistedOperationListener {

	/**
	 * Handle one decision.
	 * @param event what was decided, for which request
	 */
	void onEvent(PersistedOperationEvent event);

}
