package dev.persistedops.web;

import java.util.List;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.MediaType;

/**
 * How a GraphQL request arrived: what audit lines, events and metrics report, and what
 * decides how an error must be shaped.
 */
public enum Transport {

	/** A POST on the GraphQL HTTP endpoint. */
	HTTP,

	/**
	 * A GET on the GraphQL HTTP endpoint (marked by the HTTP edge): it may only run a
	 * query.
	 */
	GET,

	/** A POST to the server-sent events endpoint. */
	SSE,

	/** A {@code subscribe} message over GraphQL over WebSocket. */
	WEBSOCKET;

	private static final List<MediaType> JSON_RESPONSE_TYPES = List.of(MediaType.APPLICATION_JSON,
			MediaType.parseMediaType("application/graphql-response+json"));

	/**
	 * Return how the request arrived.
	 */
	public static Transport of(WebGraphQlRequest request) {
		if (request instanceof WebSocketGraphQlRequest) {
			return WEBSOCKET;
		}
		if (request.getAttributes().containsKey(TransportAttributes.GET)) {
			return GET;
		}
		return expectsEventStream(request) ? SSE : HTTP;
	}

	/**
	 * Whether the request went to the SSE endpoint: marked so by the starter's SSE
	 * handler or, where the application replaced it, accepting an event stream and no
	 * JSON, as Spring for GraphQL's routing decides.
	 */
	private static boolean expectsEventStream(WebGraphQlRequest request) {
		if (request.getAttributes().containsKey(TransportAttributes.EVENT_STREAM)) {
			return true;
		}
		List<MediaType> accepted = request.getHeaders().getAccept();
		return accepted.stream().anyMatch(MediaType.TEXT_EVENT_STREAM::equalsTypeAndSubtype)
				&& accepted.stream().noneMatch((type) -> JSON_RESPONSE_TYPES.stream().anyMatch(type::isCompatibleWith));
	}

	/**
	 * Return the name used in logs and metric tags.
	 */
	public String tagValue() {
		return name().toLowerCase();
	}

}
