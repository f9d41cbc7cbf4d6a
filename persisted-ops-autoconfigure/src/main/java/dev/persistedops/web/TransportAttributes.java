package dev.persistedops.web;

/**
 * Request attributes by which the HTTP edge tells the interceptor how a request arrived,
 * where that changes what may run or how an error must be shaped.
 */
public final class TransportAttributes {

	/** Marks a GET request: it may only run a query. */
	public static final String GET = TransportAttributes.class.getName() + ".GET";

	/** Marks a request to the SSE endpoint: its errors must travel as an event stream. */
	public static final String EVENT_STREAM = TransportAttributes.class.getName() + ".EVENT_STREAM";

	private TransportAttributes() {
	}

}
