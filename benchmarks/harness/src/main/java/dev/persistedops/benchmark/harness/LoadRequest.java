package dev.persistedops.benchmark.harness;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * One kind of request the load generator sends over and over: a fixed request, or one
 * whose id is drawn uniformly from a list for every request.
 *
 * @param label how tables name it, such as {@code trivial by id}
 * @param method {@code POST} or {@code GET}
 * @param query what follows the GraphQL path (a query string, or empty)
 * @param body the JSON body of a POST; for a request with ids drawn from a list, the body
 * with {@value #ID_SLOT} where the id goes
 * @param ids the file of ids to draw from, one a line, or {@code null}
 */
public record LoadRequest(String label, String method, String query, @Nullable String body, @Nullable Path ids) {

	/** Where the drawn id goes in the body of a request with ids drawn from a list. */
	public static final String ID_SLOT = "@ID@";

	static LoadRequest post(Convention convention, Operation operation, String body) {
		return new LoadRequest(operation.label() + " " + convention.label(), "POST", "", body, null);
	}

	static LoadRequest get(Convention convention, Operation operation, String query) {
		return new LoadRequest(operation.label() + " " + convention.label(), "GET", query, null, null);
	}

	/**
	 * Return a request by top-level id, the id drawn uniformly from the file for every
	 * request, with the trivial operation's variables (every listed document takes them).
	 */
	public static LoadRequest uniformIds(String label, Path ids) {
		return new LoadRequest(label, "POST", "",
				"{\"id\":\"" + ID_SLOT + "\",\"variables\":" + Operation.TRIVIAL.variables() + "}", ids);
	}

	/**
	 * Return the body to send for the given id (for a request with ids drawn from a
	 * list), or the fixed body.
	 */
	public @Nullable String bodyFor(String id) {
		return (this.body != null) ? this.body.replace(ID_SLOT, id) : null;
	}

	/**
	 * Return the wrk script that sends this request and counts the responses that are not
	 * 200 with data (any {@code "errors"} member), which it prints as
	 * {@code graphql-errors: N}.
	 */
	public String wrkScript() {
		StringBuilder lua = new StringBuilder();
		lua.append("wrk.method = \"").append(this.method).append("\"\n");
		lua.append("wrk.headers[\"Accept\"] = \"application/json\"\n");
		String body = this.body;
		if (body != null) {
			lua.append("wrk.headers[\"Content-Type\"] = \"application/json\"\n");
			Path ids = this.ids;
			if (ids != null) {
				int slot = body.indexOf(ID_SLOT);
				lua.append("local ids = {}\n");
				lua.append("for line in io.lines(")
					.append(luaString(ids.toString()))
					.append(") do ids[#ids + 1] = line end\n");
				lua.append("local prefix = ").append(luaString(body.substring(0, slot))).append("\n");
				lua.append("local suffix = ").append(luaString(body.substring(slot + ID_SLOT.length()))).append("\n");
				lua.append("function init(args) math.randomseed(os.time()) end\n");
				lua.append(
						"function request() return wrk.format(nil, nil, nil, prefix .. ids[math.random(#ids)] .. suffix) end\n");
			}
			else {
				lua.append("wrk.body = ").append(luaString(body)).append("\n");
			}
		}
		lua.append("""
				threads = {}
				errors = 0
				function setup(thread) table.insert(threads, thread) end
				function response(status, headers, body)
				  if status ~= 200 or string.find(body, '"errors"', 1, true) then errors = errors + 1 end
				end
				function done(summary, latency, requests)
				  local total = 0
				  for _, thread in ipairs(threads) do total = total + thread:get("errors") end
				  io.write(string.format("graphql-errors: %d\\n", total))
				end
				""");
		return lua.toString();
	}

	private static String luaString(String value) {
		String level = "=";
		while (value.contains("]" + level + "]")) {
			level += "=";
		}
		return "[" + level + "[" + value + "]" + level + "]";
	}

}
