package dev.persistedops.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.Assert;
import org.springframework.util.MultiValueMap;

/**
 * Reads a GraphQL request from the query parameters of a GET request, as the
 * GraphQL-over-HTTP draft and Apollo Client send it: {@code variables} and
 * {@code extensions} are JSON, the other parameters are plain strings.
 */
public final class GetRequestParameters {

	private static final Set<String> JSON_PARAMETERS = Set.of("variables", "extensions");

	private static final Set<String> STRING_PARAMETERS = Set.of("query", "operationName", "id", "documentId", "doc_id",
			"operationId");

	private final JsonMapper jsonMapper;

	public GetRequestParameters(JsonMapper jsonMapper) {
		Assert.notNull(jsonMapper, "jsonMapper is required");
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Whether the parameters may carry an operation id, so that the request is one for
	 * the persisted operations edge rather than for Spring for GraphQL's own GET
	 * handling.
	 */
	public static boolean mayCarryId(Set<String> parameterNames) {
		for (IdConvention convention : IdConvention.values()) {
			if (convention.isTopLevel() && parameterNames.contains(convention.path())) {
				return true;
			}
		}
		return parameterNames.contains("extensions");
	}

	/**
	 * Return the request body the parameters describe.
	 * @throws InvalidGraphQlRequestException if a parameter is repeated or a JSON
	 * parameter is not valid JSON
	 */
	public Map<String, Object> toBody(MultiValueMap<String, String> parameters) {
		Map<String, Object> body = new LinkedHashMap<>();
		parameters.forEach((name, values) -> {
			boolean json = JSON_PARAMETERS.contains(name);
			if (json || STRING_PARAMETERS.contains(name)) {
				String value = single(name, values);
				body.put(name, json ? parseJson(name, value) : value);
			}
		});
		return body;
	}

	private static String single(String name, List<String> values) {
		if (values.size() != 1) {
			throw new InvalidGraphQlRequestException("The parameter '" + name + "' must be given once");
		}
		return values.get(0);
	}

	private Object parseJson(String name, String value) {
		try {
			return this.jsonMapper.readValue(value, Object.class);
		}
		catch (JacksonException ex) {
			throw new InvalidGraphQlRequestException("The parameter '" + name + "' is not valid JSON");
		}
	}

}
