package dev.persistedops.integration;

import java.util.List;

/**
 * The documents persisted under {@code src/test/resources/persisted-operations/}, with
 * their ids (md5 hex of the exact text, as configured by default).
 */
final class Documents {

	static final String GREETING = "query Greeting($name: String) {\n  greeting(name: $name)\n}\n";

	static final String GREETING_ID = "353b48f3ea2e5c98a7507c6dda8f863c";

	/** The same document, also stored under its sha256 hex. */
	static final String GREETING_SHA256 = "bfc8f18859ef49dd92b7a1229af6b58f28872b35ed8f950f5cb763a354bde6b6";

	/**
	 * The same document in the {@code ruby} namespace, as GraphQL-Ruby's OperationStore
	 * names it.
	 */
	static final String GREETING_NAMESPACED = "ruby/" + GREETING_ID;

	static final String ECHO = "query Echo($value: Int!) {\n  echo(value: $value)\n}\n";

	static final String ECHO_ID = "0fd788cc8f2245b16b4a0e5aa4f5440e";

	/**
	 * A document used only by the parse-once test, so that no other test parses it first.
	 */
	static final String PARSE_ONCE = "query ParseOnce {\n  echo(value: 7)\n}\n";

	static final String PARSE_ONCE_ID = "cae7c9b2010393167e4eaf05116e7365";

	static final String INCREMENT = "mutation Increment {\n  increment\n}\n";

	static final String INCREMENT_ID = "379e15185062f5ee016fd31ab4e367e4";

	static final String TICKS = "subscription Ticks($count: Int!) {\n  ticks(count: $count)\n}\n";

	static final String TICKS_ID = "6dd269276eb9944dd7d236e0da2206ae";

	/** A persisted document with a fragment, for safelist matching. */
	static final String SAFELISTED = "query Safelisted($name: String) {\n  ...Greeted\n  echo(value: 3)\n}\n\n"
			+ "fragment Greeted on Query {\n  greeting(name: $name)\n}\n";

	static final String SAFELISTED_ID = "2924fb2f5d0e2d54e4c1aa8a581d28e1";

	/** A persisted document that is not valid against the schema. */
	static final String INVALID_ID = "937115dddfda63fb484523329ea8bf47";

	/** The texts of every stored document that is valid against the schema. */
	static final List<String> VALID = List.of(GREETING, ECHO, PARSE_ONCE, INCREMENT, TICKS, SAFELISTED);

	private Documents() {
	}

}
