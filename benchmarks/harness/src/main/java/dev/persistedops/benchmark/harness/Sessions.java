package dev.persistedops.benchmark.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The three parts of a run, as plans: the peers (the starter against plain Spring for
 * GraphQL, graphql-java's APQ and the sample app), the stores (files, manifest, Redis,
 * Azure Blob), and scale (stores of growing size). Each comparison keeps the title the
 * issue gives it.
 */
final class Sessions {

	/**
	 * What the name of a server with the parse cache sized to its store has after the
	 * store's size: such a server is left out of the startup comparisons.
	 */
	static final String SIZED_CACHE = "-sized-cache";

	/**
	 * How many times the scale part starts each server alone and times it, in each
	 * launch. On a shared 2-core machine, the same server's startup varied by 2.5 s from
	 * one start to the next, as much as the difference the part measures against its
	 * target (2 s); with three starts in each launch, the nine differences of a run with
	 * 100,000 files spread from -0.79 to +4.41 s around a median of +2.34 s (the run at
	 * a8629d0, whose startups ran on one CPU, not on every CPU as meant).
	 */
	static final int SCALE_STARTUPS = 5;

	static final String STARTER_BY_ID_VS_TEXT = "starter by id / starter full text";

	static final String STARTER_BY_ID_VS_APQ = "starter by id / graphql-java APQ hash (same app code)";

	static final String STARTER_TEXT_VS_PLAIN = "starter full text / plain Spring GraphQL full text";

	static final String SAMPLE_VS_STARTER = "sample app by id / same app code + starter by id";

	static final String PLAIN_WITH_ACTUATOR_VS_PLAIN = "plain Spring GraphQL + Actuator full text / plain Spring GraphQL full text";

	private static final List<Operation> QUERIES = List.of(Operation.LARGE, Operation.TRIVIAL);

	private Sessions() {
	}

	/**
	 * The starter against its peers, on a store of the given documents: the same
	 * benchmark app without the starter (full text; graphql-java's APQ) and with it, and
	 * the sample app (from its classes, and as its jar).
	 */
	static SessionPlan peers(Classpaths classpaths, DocumentSet documents) {
		String files = "persisted-ops.store.filesystem.locations=file:" + documents.directory() + "/";
		LoadRequest textReadiness = Convention.TEXT.request(Operation.TRIVIAL);
		LoadRequest idReadiness = Convention.ID.request(Operation.TRIVIAL);
		List<ServerSpec> servers = List.of(
				new ServerSpec("plain", "benchmark app, plain Spring for GraphQL (no starter)", classpaths.plain(),
						List.of(), textReadiness),
				new ServerSpec("plain-actuator",
						"benchmark app, plain Spring for GraphQL (no starter), with Spring Boot Actuator and "
								+ "the Prometheus registry on its classpath as the sample app has them",
						classpaths.plainWithActuator(), List.of(), textReadiness),
				new ServerSpec("apq",
						"benchmark app, graphql-java's ApolloPersistedQuerySupport + "
								+ "InMemoryPersistedQueryCache (no starter)",
						classpaths.plain(), List.of("benchmark.graphql-java-apq=true"), textReadiness),
				new ServerSpec("starter", "benchmark app + starter, files store of " + documents.size() + " documents",
						classpaths.starter(), List.of(files), idReadiness),
				// Each side of a comparison with a peer is a server sent only what
				// that side sends, as the peer is: a JVM that also serves other
				// kinds of request compiles its shared code for all of them.
				new ServerSpec("starter-id", "the same, sent only requests by id (as the APQ app is sent only hashes)",
						classpaths.starter(), List.of(files), idReadiness),
				new ServerSpec("starter-hash", "the same, sent only requests by Apollo hash", classpaths.starter(),
						List.of(files), Convention.APOLLO_HASH.request(Operation.TRIVIAL)),
				new ServerSpec("starter-text", "the same, sent only full text (as the plain app is)",
						classpaths.starter(), List.of(files), textReadiness),
				new ServerSpec("sample",
						"sample app (its own configuration and classpath) from its classes, "
								+ "the same documents added to its store",
						classpaths.sample(),
						List.of("persisted-ops.store.filesystem.locations=classpath:/persisted-operations/,file:"
								+ documents.directory() + "/"),
						idReadiness),
				new ServerSpec("sample-jar", "sample app run as its repackaged jar (java -jar), same settings",
						classpaths.sampleJar(),
						List.of("persisted-ops.store.filesystem.locations=classpath:/persisted-operations/,file:"
								+ documents.directory() + "/"),
						idReadiness));
		List<Comparison> comparisons = new ArrayList<>();
		for (Operation operation : Operation.values()) {
			comparisons.add(Comparison.of(STARTER_BY_ID_VS_TEXT, operation.label(),
					side("starter", Convention.ID, operation), side("starter", Convention.TEXT, operation)));
		}
		for (Operation operation : QUERIES) {
			comparisons.add(
					Comparison
						.of(STARTER_BY_ID_VS_APQ, operation.label(), side("starter-id", Convention.ID, operation),
								side("apq", Convention.APOLLO_HASH, operation))
						.withTarget(1.0));
		}
		for (Operation operation : QUERIES) {
			comparisons.add(
					Comparison
						.of("starter by Apollo hash / graphql-java APQ hash", operation.label(),
								side("starter-hash", Convention.APOLLO_HASH, operation),
								side("apq", Convention.APOLLO_HASH, operation))
						.withTarget(1.0));
		}
		for (Operation operation : Operation.values()) {
			comparisons.add(
					Comparison
						.of(STARTER_TEXT_VS_PLAIN, operation.label(), side("starter-text", Convention.TEXT, operation),
								side("plain", Convention.TEXT, operation))
						.withTarget(0.98));
		}
		for (Operation operation : QUERIES) {
			comparisons.add(Comparison.of(SAMPLE_VS_STARTER, operation.label(),
					side("sample", Convention.ID, operation), side("starter", Convention.ID, operation)));
		}
		// What the sample app pays over the same code with the starter is mostly
		// what Actuator's observations cost any Spring for GraphQL application:
		// measured here on the plain app, without the starter.
		comparisons.add(Comparison.of(PLAIN_WITH_ACTUATOR_VS_PLAIN, Operation.TRIVIAL.label(),
				side("plain-actuator", Convention.TEXT, Operation.TRIVIAL),
				side("plain", Convention.TEXT, Operation.TRIVIAL)));
		comparisons.add(Comparison.of("sample app as its jar (java -jar) by id / sample app by id",
				Operation.TRIVIAL.label(), side("sample-jar", Convention.ID, Operation.TRIVIAL),
				side("sample", Convention.ID, Operation.TRIVIAL)));
		// The conventions against the top-level id: on the trivial query, where
		// the way in is most of the cost; GET on the large one too, since its
		// rule looks at the document.
		for (Convention convention : List.of(Convention.DOCUMENT_ID, Convention.APOLLO_HASH, Convention.GET)) {
			comparisons.add(Comparison.of("starter " + convention.label() + " / starter by id",
					Operation.TRIVIAL.label(), side("starter", convention, Operation.TRIVIAL),
					side("starter", Convention.ID, Operation.TRIVIAL)));
		}
		comparisons.add(Comparison.of("starter " + Convention.GET.label() + " / starter by id", Operation.LARGE.label(),
				side("starter", Convention.GET, Operation.LARGE), side("starter", Convention.ID, Operation.LARGE)));
		List<SessionPlan.Registration> registrations = QUERIES.stream()
			.map((operation) -> new SessionPlan.Registration("apq", Convention.apqRegistration(operation)))
			.toList();
		return new SessionPlan("peers", "The starter and its peers (same application code)", servers, comparisons,
				registrations);
	}

	/**
	 * The stores at steady state, each with the same documents: files, a manifest, Redis
	 * and Azure Blob Storage (Azurite), the remote ones published into first.
	 */
	static SessionPlan stores(Classpaths classpaths, DocumentSet documents, List<String> redis,
			List<String> azureBlob) {
		LoadRequest readiness = Convention.ID.request(Operation.TRIVIAL);
		List<ServerSpec> servers = List
			.of(new ServerSpec("files", "benchmark app + starter + store clients, files store", classpaths.stores(),
					List.of("persisted-ops.store.filesystem.locations=file:" + documents.directory() + "/"), readiness),
					new ServerSpec("manifest", "the same, manifest store (one JSON map)", classpaths.stores(),
							List.of("persisted-ops.store.type=manifest",
									"persisted-ops.store.manifest.locations=file:" + documents.manifest()),
							readiness),
					new ServerSpec("redis", "the same, Redis store (local redis-server)", classpaths.stores(), redis,
							readiness),
					new ServerSpec("azure-blob", "the same, Azure Blob store (local Azurite)", classpaths.stores(),
							azureBlob, readiness));
		List<Comparison> comparisons = new ArrayList<>();
		for (Operation operation : QUERIES) {
			comparisons.add(
					Comparison
						.of("Redis by id / files by id", operation.label(), side("redis", Convention.ID, operation),
								side("files", Convention.ID, operation))
						.withTarget(0.97));
			comparisons
				.add(Comparison
					.of("Azure Blob by id / files by id", operation.label(),
							side("azure-blob", Convention.ID, operation), side("files", Convention.ID, operation))
					.withTarget(0.97));
			comparisons.add(Comparison.of("manifest by id / files by id", operation.label(),
					side("manifest", Convention.ID, operation), side("files", Convention.ID, operation)));
		}
		return new SessionPlan("stores", "Stores at steady state (" + documents.size() + " documents)", servers,
				comparisons, List.of());
	}

	/**
	 * Stores of growing size (files), the smallest the reference: trivial requests by id,
	 * a hot id and ids drawn uniformly from the whole store; the largest also with the
	 * parse cache sized to the store, and if asked, that once more with its heap on
	 * transparent huge pages. The smallest and largest are also started with their files
	 * read on first use, found by id and not listed, and as a manifest, to time those
	 * startups.
	 */
	static SessionPlan scale(Classpaths classpaths, List<DocumentSet> sets, boolean hugePages) {
		LoadRequest readiness = Convention.ID.request(Operation.TRIVIAL);
		LoadRequest hot = readiness;
		List<ServerSpec> servers = new ArrayList<>();
		for (DocumentSet set : sets) {
			servers.add(new ServerSpec(scaleServer(set, false),
					"benchmark app + starter, files store of " + String.format("%,d", set.size())
							+ " documents, parse cache default (10,000)",
					classpaths.starter(),
					List.of("persisted-ops.store.filesystem.locations=file:" + set.directory() + "/"), readiness));
		}
		DocumentSet smallest = sets.get(0);
		DocumentSet largest = sets.get(sets.size() - 1);
		boolean sizedCache = largest.size() > 10_000;
		if (sizedCache) {
			servers.add(new ServerSpec(scaleServer(largest, true),
					"the same, parse cache sized to the store (persisted-ops.parse-cache.maximum-size=" + largest.size()
							+ ")",
					classpaths.starter(), sizedCache(largest), readiness));
			if (hugePages) {
				// What huge pages bring to it, measured: the same server on huge pages.
				servers.add(new ServerSpec(hugePagesServer(largest),
						"the same, parse cache sized to the store, heap on huge pages (" + Settings.HUGE_PAGES + ")",
						Stream.concat(Stream.of(Settings.HUGE_PAGES), classpaths.starter().stream()).toList(),
						sizedCache(largest), readiness));
			}
		}
		// The same smallest and largest stores with their files read on first use, found
		// by id, and as one manifest each: timed at startup only, against each other.
		for (DocumentSet set : List.of(smallest, largest)) {
			servers.add(startupOnlyFilesServer(scaleFirstUseServer(set), set, "on-first-use", "files read on first use",
					classpaths, readiness));
		}
		for (DocumentSet set : List.of(smallest, largest)) {
			servers.add(startupOnlyFilesServer(scaleUnlistedServer(set), set, "on-first-use-unlisted",
					"files found by id on first use, not listed at startup", classpaths, readiness));
		}
		for (DocumentSet set : List.of(smallest, largest)) {
			servers.add(new ServerSpec(scaleManifestServer(set),
					"benchmark app + starter, the same " + String.format("%,d", set.size())
							+ " documents as one manifest (startup only)",
					classpaths.starter(), List.of("persisted-ops.store.type=manifest",
							"persisted-ops.store.manifest.locations=file:" + set.manifest()),
					readiness));
		}
		String reference = scaleServer(smallest, false);
		Comparison.Side referenceUniform = new Comparison.Side(reference, uniform(smallest));
		List<Comparison> comparisons = new ArrayList<>();
		for (DocumentSet set : sets.subList(1, sets.size())) {
			String server = scaleServer(set, false);
			comparisons.add(Comparison.of(String.format("%,d docs uniform / %,d docs", set.size(), smallest.size()),
					"trivial, uniform", new Comparison.Side(server, uniform(set)), referenceUniform));
			comparisons.add(Comparison.of(String.format("%,d docs hot id / %,d docs", set.size(), smallest.size()),
					"trivial, hot id", new Comparison.Side(server, hot), new Comparison.Side(reference, hot)));
		}
		if (sizedCache) {
			comparisons.add(Comparison
				.of(String.format("%,d docs uniform, parse cache %,d / %,d docs", largest.size(), largest.size(),
						smallest.size()), "trivial, uniform",
						new Comparison.Side(scaleServer(largest, true), uniform(largest)), referenceUniform)
				.withTarget(0.8));
			if (hugePages) {
				comparisons.add(Comparison.of(
						String.format("%,d docs uniform, parse cache %,d, huge pages / %,d docs", largest.size(),
								largest.size(), smallest.size()),
						"trivial, uniform", new Comparison.Side(hugePagesServer(largest), uniform(largest)),
						referenceUniform));
			}
		}
		return new SessionPlan("scale", "Scale: stores of "
				+ sets.stream().map((set) -> String.format("%,d", set.size())).toList() + " documents", servers,
				comparisons, List.of(), SCALE_STARTUPS);
	}

	/**
	 * The properties of a files store of the given documents with a parse cache that
	 * holds them all.
	 */
	private static List<String> sizedCache(DocumentSet set) {
		return List.of("persisted-ops.store.filesystem.locations=file:" + set.directory() + "/",
				"persisted-ops.parse-cache.maximum-size=" + set.size());
	}

	static String scaleServer(DocumentSet set, boolean sizedCache) {
		return "files-" + set.size() + (sizedCache ? SIZED_CACHE : "");
	}

	/**
	 * The name of a store's server with a sized parse cache and its heap on huge pages.
	 */
	static String hugePagesServer(DocumentSet set) {
		return scaleServer(set, true) + "-huge-pages";
	}

	private static ServerSpec startupOnlyFilesServer(String name, DocumentSet set, String read, String description,
			Classpaths classpaths, LoadRequest readiness) {
		return new ServerSpec(name,
				"benchmark app + starter, the same files store of " + String.format("%,d", set.size()) + " documents, "
						+ description + " (startup only)",
				classpaths.starter(), List.of("persisted-ops.store.filesystem.locations=file:" + set.directory() + "/",
						"persisted-ops.store.filesystem.read=" + read),
				readiness);
	}

	/**
	 * The name of a files store's server that finds its files by id, not listed at
	 * startup.
	 */
	static String scaleUnlistedServer(DocumentSet set) {
		return "files-unlisted-" + set.size();
	}

	/**
	 * The name of a files store's server that reads its files on their first use.
	 */
	static String scaleFirstUseServer(DocumentSet set) {
		return "files-on-first-use-" + set.size();
	}

	static String scaleManifestServer(DocumentSet set) {
		return "manifest-" + set.size();
	}

	private static LoadRequest uniform(DocumentSet set) {
		return LoadRequest.uniformIds("trivial by id, uniform over " + set.size() + " docs", set.uniformIds());
	}

	private static Comparison.Side side(String server, Convention convention, Operation operation) {
		return new Comparison.Side(server, convention.request(operation));
	}

}
