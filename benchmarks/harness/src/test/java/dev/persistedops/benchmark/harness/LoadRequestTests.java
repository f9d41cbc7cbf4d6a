package dev.persistedops.benchmark.harness;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoadRequestTests {

	@Test
	void eachConventionSendsTheOperationItsWay() {
		String hash = Operation.TRIVIAL.hash();
		assertThat(Convention.ID.request(Operation.TRIVIAL).body())
			.isEqualTo("{\"id\":\"" + hash + "\",\"variables\":{\"id\":\"1\"}}");
		assertThat(Convention.DOCUMENT_ID.request(Operation.TRIVIAL).body())
			.contains("\"documentId\":\"sha256:" + hash);
		assertThat(Convention.APOLLO_HASH.request(Operation.TRIVIAL).body())
			.contains("\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}")
			.doesNotContain("query\"");
		LoadRequest get = Convention.GET.request(Operation.TRIVIAL);
		assertThat(get.method()).isEqualTo("GET");
		assertThat(get.body()).isNull();
		assertThat(get.query()).isEqualTo("?id=" + hash + "&variables=%7B%22id%22%3A%221%22%7D");
		assertThat(Convention.TEXT.request(Operation.LARGE).body()).startsWith("{\"query\":\"# The large request")
			.contains("\\n");
	}

	@Test
	void apqRegistrationSendsTheTextWithItsHash() {
		assertThat(Convention.apqRegistration(Operation.TRIVIAL)).startsWith("{\"query\":\"query TrivialBook")
			.contains("\"sha256Hash\":\"" + Operation.TRIVIAL.hash() + "\"")
			.endsWith("\"variables\":{\"id\":\"1\"}}");
	}

	@Test
	void largeOperationIsFragmentHeavyAndAtLeastFiveKilobytes() {
		assertThat(Operation.LARGE.text().length()).isGreaterThanOrEqualTo(5 * 1024);
		assertThat(Operation.LARGE.text()).contains("fragment ").contains("...");
	}

	@Test
	void wrkScriptOfAFixedRequestSetsItsBody() {
		String script = Convention.ID.request(Operation.TRIVIAL).wrkScript();
		assertThat(script).contains("wrk.method = \"POST\"")
			.contains("wrk.body = [=[{\"id\":\"" + Operation.TRIVIAL.hash())
			.contains("graphql-errors");
	}

	@Test
	void wrkScriptOfUniformIdsDrawsAnIdForEveryRequest() {
		LoadRequest uniform = LoadRequest.uniformIds("uniform", Path.of("/tmp/ids.txt"));
		assertThat(uniform.bodyFor("abc")).isEqualTo("{\"id\":\"abc\",\"variables\":{\"id\":\"1\"}}");
		assertThat(uniform.wrkScript()).contains("io.lines([=[/tmp/ids.txt]=])")
			.contains("prefix .. ids[math.random(#ids)] .. suffix")
			.doesNotContain(LoadRequest.ID_SLOT);
	}

}
