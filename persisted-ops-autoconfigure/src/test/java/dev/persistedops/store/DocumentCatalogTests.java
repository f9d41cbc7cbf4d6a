package dev.persistedops.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.test.StepVerifier;

import dev.persistedops.document.DocumentHasher;
import dev.persistedops.document.HashAlgorithm;
import dev.persistedops.document.HashEncoding;
import dev.persistedops.document.OperationId;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link DocumentCatalog}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DocumentCatalogTests {

	private static final DocumentHasher HASHER = new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX);

	private static final String MD5_OF_ABC = "900150983cd24fb0d6963f7d28e17f72";

	private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	private static final String SHA1_OF_ABC = "a9993e364706816aba3e25717850c26c9cd0d89d";

	@Test
	void findDocumentReturnsTheTextStoredUnderTheId() {
		DocumentCatalog catalog = failing().add(OperationId.of("getUser"), "query GetUser { user { id } }", "ops.json")
			.build();
		StepVerifier.create(catalog.findDocument(OperationId.of("getUser")))
			.expectNext("query GetUser { user { id } }")
			.verifyComplete();
	}

	@Test
	void findDocumentIsEmptyForAnUnknownId() {
		DocumentCatalog catalog = failing().add(OperationId.of("getUser"), "query GetUser { user { id } }", "ops.json")
			.build();
		StepVerifier.create(catalog.findDocument(OperationId.of("getUsers"))).verifyComplete();
		StepVerifier.create(catalog.findDocument(OperationId.of("web/getUser"))).verifyComplete();
	}

	@Test
	void sha256PrefixedIdFindsTheDocumentStoredUnderTheBareDigest() {
		DocumentCatalog catalog = failing().add(OperationId.of(SHA256_OF_ABC), "abc", "ops.json").build();
		assertThat(catalog.findDocument(OperationId.of("sha256:" + SHA256_OF_ABC)).block()).isEqualTo("abc");
	}

	@Test
	void bareDigestFindsTheDocumentAddedUnderASha256PrefixedId() {
		DocumentCatalog catalog = failing().add(OperationId.of("sha256:" + SHA256_OF_ABC), "abc", "ops.json").build();
		assertThat(catalog.ids()).containsExactly(SHA256_OF_ABC);
		assertThat(catalog.findDocument(OperationId.of(SHA256_OF_ABC)).block()).isEqualTo("abc");
	}

	@Test
	void sameIdWithTheSameTextFromTwoSourcesIsKeptOnce() {
		DocumentCatalog catalog = failing().add(OperationId.of("getUser"), "query A { a }", "first.json")
			.add(OperationId.of("getUser"), "query A { a }", "second.json")
			.build();
		assertThat(catalog.size()).isOne();
		assertThat(catalog.findDocument(OperationId.of("getUser")).block()).isEqualTo("query A { a }");
	}

	@Test
	void sameIdWithDifferentTextsFromTwoSourcesFailsNamingBothSources() {
		DocumentCatalog.Builder builder = failing().add(OperationId.of("getUser"), "query A { a }", "first.json")
			.add(OperationId.of("getUser"), "query B { b }", "second.json");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(builder::build)
			.withMessageContaining("'getUser'")
			.withMessageContaining("first.json")
			.withMessageContaining("second.json")
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isFalse());
	}

	@Test
	void textsThatDifferOnlyByATrailingNewlineConflict() {
		DocumentCatalog.Builder builder = failing().add(OperationId.of("getUser"), "query A { a }", "first.json")
			.add(OperationId.of("getUser"), "query A { a }\n", "second.json");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(builder::build)
			.withMessageContaining("first.json")
			.withMessageContaining("second.json");
	}

	@Test
	void conflictsFailTheLoadEvenWhenMismatchesOnlyWarn() {
		DocumentCatalog.Builder builder = DocumentCatalog.builder(HASHER, HashMismatchAction.WARN)
			.add(OperationId.of("getUser"), "query A { a }", "first.json")
			.add(OperationId.of("getUser"), "query B { b }", "second.json");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(builder::build)
			.withMessageContaining("first.json")
			.withMessageContaining("second.json");
	}

	@Test
	void hashShapedIdThatIsNotTheHashOfItsTextFailsNamingTheSourceAndTheId() {
		DocumentCatalog.Builder builder = failing().add(OperationId.of(MD5_OF_ABC), "query Tampered { x }",
				"tampered.graphql");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(builder::build)
			.withMessageContaining("tampered.graphql")
			.withMessageContaining(MD5_OF_ABC)
			.withMessageContaining("md5 hex")
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isFalse())
			.satisfies((ex) -> assertThat(ex.getProblems()).hasSize(1));
	}

	@Test
	void hashShapedIdThatIsTheHashOfItsTextLoads() {
		DocumentCatalog catalog = failing().add(OperationId.of(MD5_OF_ABC), "abc", "a.graphql")
			.add(OperationId.of(SHA1_OF_ABC), "abc", "b.graphql")
			.add(OperationId.of("web/" + SHA256_OF_ABC), "abc", "c.graphql")
			.build();
		assertThat(catalog.ids()).containsExactlyInAnyOrder(MD5_OF_ABC, SHA1_OF_ABC, "web/" + SHA256_OF_ABC);
	}

	@Test
	void hashMismatchLoadsAndLogsAWarningWhenMismatchesOnlyWarn(CapturedOutput output) {
		DocumentCatalog catalog = DocumentCatalog.builder(HASHER, HashMismatchAction.WARN)
			.add(OperationId.of(MD5_OF_ABC), "query Tampered { x }", "tampered.graphql")
			.build();
		assertThat(catalog.findDocument(OperationId.of(MD5_OF_ABC)).block()).isEqualTo("query Tampered { x }");
		assertThat(output).contains("hash mismatch").contains("tampered.graphql").contains(MD5_OF_ABC);
	}

	@Test
	void mismatchesAreReportedInTheOrderOfTheirSourcesWhateverTheOrderTheDocumentsWereAddedIn() {
		DocumentCatalog.Builder builder = failing();
		List<String> sources = new ArrayList<>();
		Set<Thread> askedOn = ConcurrentHashMap.newKeySet();
		for (int i = 199; i >= 0; i--) {
			String source = String.format("file-%03d.graphql", i);
			sources.add(0, source);
			builder.add(OperationId.of(String.format("%032x", i)), "query Q" + i + " { x }", () -> {
				askedOn.add(Thread.currentThread());
				return source;
			});
		}
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(builder::build)
			.satisfies((ex) -> assertThat(ex.getProblems()).hasSize(200)
				.allSatisfy((problem) -> assertThat(problem).contains("is not the md5 hex of its text"))
				.extracting((problem) -> problem.substring(0, problem.indexOf(':')))
				.containsExactlyElementsOf(sources));
		// Hashed in parallel, but the sources are asked for on the thread that builds.
		assertThat(askedOn).containsExactly(Thread.currentThread());
	}

	@Test
	void sourceGivenAsASupplierIsAskedForOnlyWhenItIsNeeded() {
		AtomicInteger asked = new AtomicInteger();
		Supplier<String> source = () -> {
			asked.incrementAndGet();
			return "file [abc.graphql]";
		};
		DocumentCatalog catalog = failing().add(OperationId.of(MD5_OF_ABC), "abc", source).build();
		assertThat(asked).hasValue(0);
		assertThat(catalog.sourceOf(MD5_OF_ABC)).isEqualTo("file [abc.graphql]");
		assertThat(asked).hasValue(1);
		DocumentCatalog.Builder tampered = failing().add(OperationId.of(MD5_OF_ABC), "query Tampered { x }", source);
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(tampered::build)
			.withMessageContaining("file [abc.graphql]");
	}

	@Test
	void loadWithoutLocationsIsALocationProblem() {
		DocumentCatalog.Builder builder = failing();
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(() -> builder.load((location, catalog) -> {
		}, List.of()))
			.withMessageContaining("at least one location is required")
			.satisfies((ex) -> assertThat(ex.isLocationProblem()).isTrue());
	}

	@Test
	void loadReadsEveryLocationInOrder() {
		List<String> read = new ArrayList<>();
		DocumentCatalog catalog = failing().load((location, builder) -> {
			read.add(location);
			builder.add(OperationId.of(location), "query { " + location + " }", location);
		}, List.of("first", "second")).build();
		assertThat(read).containsExactly("first", "second");
		assertThat(catalog.ids()).containsExactlyInAnyOrder("first", "second");
	}

	@Test
	void reportsEveryProblemTogether() {
		DocumentCatalog.Builder builder = failing().add(OperationId.of(MD5_OF_ABC), "query One { x }", "one.graphql")
			.add(OperationId.of("web/" + SHA256_OF_ABC), "query Two { y }", "two.graphql")
			.add(OperationId.of("getUser"), "query A { a }", "first.json")
			.add(OperationId.of("getUser"), "query B { b }", "second.json");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(builder::build)
			.withMessageContaining("3 problems")
			.withMessageContaining("one.graphql")
			.withMessageContaining(MD5_OF_ABC)
			.withMessageContaining("two.graphql")
			.withMessageContaining("web/" + SHA256_OF_ABC)
			.withMessageContaining("second.json")
			.satisfies((ex) -> assertThat(ex.getProblems()).hasSize(3));
	}

	@Test
	void builderRefusesToAddOnceTheCatalogIsBuiltAndTheCatalogIsUnchanged() {
		DocumentCatalog.Builder builder = failing().add(OperationId.of("getUser"), "query A { a }", "first.json");
		DocumentCatalog catalog = builder.build();
		assertThatIllegalStateException()
			.isThrownBy(() -> builder.add(OperationId.of("getUsers"), "query B { b }", "second.json"))
			.withMessage("The catalog is built: start another one");
		assertThat(catalog.ids()).containsExactly("getUser");
		assertThat(catalog.sourceOf("getUsers")).isNull();
	}

	@Test
	void documentAddedUnreadIsReadOnItsFirstLookupOnly() {
		List<String> reads = new ArrayList<>();
		DocumentCatalog catalog = failing().add(OperationId.of("read"), "query R { r }", "read.json")
			.addUnread(OperationId.of("unread"), unread("unread.graphql", "query U { u }", reads))
			.build();
		assertThat(catalog.size()).isEqualTo(2);
		assertThat(catalog.ids()).containsExactlyInAnyOrder("read", "unread");
		assertThat(catalog.sourceOf("unread")).isEqualTo("unread.graphql");
		assertThat(reads).isEmpty();
		assertThat(catalog.findDocument(OperationId.of("unread")).block()).isEqualTo("query U { u }");
		assertThat(catalog.documents()).isEqualTo(Map.of("read", "query R { r }", "unread", "query U { u }"));
		assertThat(reads).containsExactly("unread.graphql");
	}

	@Test
	void documentAddedUnreadUnderAnIdAlreadyAddedIsReadAtOnceAndComparedNamingBothSources() {
		List<String> reads = new ArrayList<>();
		DocumentCatalog.Builder builder = failing().add(OperationId.of("getUser"), "query A { a }", "first.json")
			.addUnread(OperationId.of("getUser"), unread("second.graphql", "query B { b }", reads));
		assertThat(reads).containsExactly("second.graphql");
		assertThatExceptionOfType(DocumentLoadException.class).isThrownBy(builder::build)
			.withMessageContaining("first.json")
			.withMessageContaining("second.graphql");
	}

	@Test
	void documentAddedUnreadIsReadAtOnceWhenAnotherSourceAddsItsIdLater() {
		List<String> reads = new ArrayList<>();
		DocumentCatalog catalog = failing()
			.addUnread(OperationId.of("getUser"), unread("first.graphql", "query A { a }", reads))
			.add(OperationId.of("getUser"), "query A { a }", "second.json")
			.build();
		assertThat(reads).containsExactly("first.graphql");
		assertThat(catalog.sourceOf("getUser")).isEqualTo("first.graphql");
		assertThat(catalog.documents()).isEqualTo(Map.of("getUser", "query A { a }"));
	}

	@Test
	void unlistedLocationsAreFoundByIdReadOnceAndListedOnlyWhenEveryDocumentIsAskedFor() {
		List<String> reads = new ArrayList<>();
		List<String> calls = new ArrayList<>();
		DocumentCatalog catalog = failing().addUnlisted(finder((id) -> {
			calls.add("find " + id.key());
			return id.key().equals("getUser") ? unread("getUser.graphql", "query A { a }", reads) : null;
		}, () -> {
			calls.add("list");
			return new HashMap<>(Map.of("getUser", unread("getUser.graphql", "query A { a }", reads), MD5_OF_ABC,
					unread("abc.graphql", "query Tampered { x }", reads)));
		})).build();
		assertThat(catalog.readsOnFirstUse()).isTrue();
		assertThat(catalog.findDocument(OperationId.of("getUser")).block()).isEqualTo("query A { a }");
		assertThat(catalog.findDocument(OperationId.of("getUser")).block()).isEqualTo("query A { a }");
		assertThat(catalog.findDocument(OperationId.of("none")).blockOptional()).isEmpty();
		assertThat(calls).containsExactly("find getUser", "find none");
		assertThat(catalog.size()).isEqualTo(2);
		assertThat(catalog.findDocument(OperationId.of("other")).blockOptional()).isEmpty();
		assertThat(catalog.documents().entrySet()).containsExactly(Map.entry("getUser", "query A { a }"));
		assertThat(calls).containsExactly("find getUser", "find none", "list");
		assertThat(reads).containsExactly("getUser.graphql", "abc.graphql");
	}

	@Test
	void listingThatFailsLeavesLookupsByIdAndCountsWhatWasFound(CapturedOutput output) {
		List<String> reads = new ArrayList<>();
		DocumentCatalog catalog = failing()
			.addUnlisted(finder((id) -> unread(id.key() + ".graphql", "query " + id.key() + " { a }", reads), () -> {
				throw new IllegalStateException("the disk is gone");
			}))
			.build();
		assertThat(catalog.findDocument(OperationId.of("a")).block()).isEqualTo("query a { a }");
		assertThat(catalog.size()).isOne();
		assertThat(catalog.findDocument(OperationId.of("b")).block()).isEqualTo("query b { a }");
		assertThat(catalog.documents().entrySet()).containsExactly(Map.entry("a", "query a { a }"));
		assertThat(catalog.isListed()).isFalse();
		assertThat(output).containsOnlyOnce("Could not list the persisted documents of [memory:]")
			.contains("the disk is gone");
	}

	@Test
	void catalogOfUnlistedLocationsHoldsNoOtherDocuments() {
		DocumentCatalog.Builder builder = failing().add(OperationId.of("a"), "query A { a }", "a.graphql")
			.addUnlisted(finder((id) -> null, HashMap::new));
		assertThatIllegalStateException().isThrownBy(builder::build).withMessageContaining("unlisted");
	}

	/**
	 * Return a finder of a location called {@code memory:}.
	 */
	private static DocumentFinder finder(Function<OperationId, @Nullable UnreadDocument> find,
			Supplier<Map<String, UnreadDocument>> list) {
		return new DocumentFinder() {

			@Override
			public String location() {
				return "memory:";
			}

			@Override
			public @Nullable UnreadDocument find(OperationId id) {
				return find.apply(id);
			}

			@Override
			public Map<String, UnreadDocument> list() {
				return list.get();
			}

		};
	}

	private static UnreadDocument unread(String source, String text, List<String> reads) {
		return new UnreadDocument() {

			@Override
			public String source() {
				return source;
			}

			@Override
			public String read() {
				reads.add(source);
				return text;
			}

		};
	}

	private static DocumentCatalog.Builder failing() {
		return DocumentCatalog.builder(HASHER, HashMismatchAction.FAIL);
	}

	@Test
	void catalogSaysWhereEachDocumentCameFrom() {
		DocumentCatalog catalog = DocumentCatalog
			.builder(new DocumentHasher(HashAlgorithm.MD5, HashEncoding.HEX), HashMismatchAction.FAIL)
			.add(OperationId.of("web/hello"), "query Hello { hello }", "file [hello.graphql]")
			.add(OperationId.of("ios/read"), "query Read { read }", "manifest.json operations[1]")
			.build();
		assertThat(catalog.sourceOf("web/hello")).isEqualTo("file [hello.graphql]");
		assertThat(catalog.sourceOf("ios/read")).isEqualTo("manifest.json operations[1]");
		assertThat(catalog.sourceOf("unknown")).isNull();
	}

}
