package dev.persistedops.execution;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DocumentNormalizer}.
 */
class DocumentNormalizerTests {

	private static final String STORED = """
			query Hero($episode: Episode) {
			  hero(episode: $episode) {
			    name
			    ...Friends
			  }
			}

			fragment Friends on Character {
			  friends {
			    name
			  }
			}
			""";

	@Test
	void documentsDifferingOnlyInWhitespaceNormalizeAlike() {
		String compact = "query Hero($episode:Episode){hero(episode:$episode){name ...Friends}}"
				+ " fragment Friends on Character{friends{name}}";
		String spread = "query   Hero ( $episode : Episode )\n\n{\thero ( episode : $episode ) { name\n,\n...Friends } }\n"
				+ "fragment Friends on Character { friends { name } }";
		assertThat(DocumentNormalizer.normalize(compact)).isNotNull()
			.isEqualTo(DocumentNormalizer.normalize(STORED))
			.isEqualTo(DocumentNormalizer.normalize(spread));
	}

	@Test
	void documentsDifferingOnlyInCommentsNormalizeAlike() {
		String commented = """
				# the hero of an episode
				query Hero($episode: Episode) { # the query
				  hero(episode: $episode) {
				    name # their name
				    ...Friends
				  }
				}
				# who they know
				fragment Friends on Character {
				  friends {
				    name
				  }
				}
				""";
		assertThat(DocumentNormalizer.normalize(commented)).isEqualTo(DocumentNormalizer.normalize(STORED));
	}

	@Test
	void documentsDifferingOnlyInTheOrderOfTopLevelDefinitionsNormalizeAlike() {
		String fragmentFirst = """
				fragment Friends on Character { friends { name } }
				query Hero($episode: Episode) { hero(episode: $episode) { name ...Friends } }
				""";
		assertThat(DocumentNormalizer.normalize(fragmentFirst)).isEqualTo(DocumentNormalizer.normalize(STORED));
		assertThat(
				DocumentNormalizer.normalize("query B { b } query A { a } fragment Y on Q { y } fragment X on Q { x }"))
			.isEqualTo(DocumentNormalizer
				.normalize("fragment X on Q { x } query A { a } fragment Y on Q { y } query B { b }"));
	}

	@Test
	void anotherFieldIsADifferentDocument() {
		assertDiffers("query Hero { hero { name } }", "query Hero { hero { name id } }");
	}

	@Test
	void anAliasIsADifferentDocument() {
		assertDiffers("query Hero { hero { name } }", "query Hero { hero { title: name } }");
	}

	@Test
	void anotherArgumentValueIsADifferentDocument() {
		assertDiffers("query Hero { hero(episode: JEDI) { name } }", "query Hero { hero(episode: EMPIRE) { name } }");
		assertDiffers("query Hero { hero(first: 1) { name } }", "query Hero { hero(first: 2) { name } }");
		assertDiffers("query Hero { hero(name: \"a\") { name } }", "query Hero { hero(name: \"b\") { name } }");
	}

	@Test
	void aDirectiveIsADifferentDocument() {
		assertDiffers("query Hero { hero { name } }", "query Hero { hero { name @skip(if: true) } }");
		assertDiffers("query Hero { hero { name @skip(if: true) } }",
				"query Hero { hero { name @include(if: true) } }");
	}

	@Test
	void anotherOperationNameIsADifferentDocument() {
		assertDiffers("query Hero { hero { name } }", "query Villain { hero { name } }");
		assertDiffers("query Hero { hero { name } }", "{ hero { name } }");
	}

	@Test
	void anotherOperationTypeIsADifferentDocument() {
		assertDiffers("query Hero { hero { name } }", "mutation Hero { hero { name } }");
	}

	@Test
	void theOrderOfFieldsInsideASelectionIsKept() {
		assertDiffers("query Hero { hero { name id } }", "query Hero { hero { id name } }");
	}

	@Test
	void anotherVariableDefinitionIsADifferentDocument() {
		assertDiffers("query Hero($e: Episode) { hero(episode: $e) { name } }",
				"query Hero($e: Episode = JEDI) { hero(episode: $e) { name } }");
	}

	@Test
	void textThatDoesNotParseNormalizesToNull() {
		assertThat(DocumentNormalizer.normalize("query Hero { hero { name }")).isNull();
		assertThat(DocumentNormalizer.normalize("not graphql at all")).isNull();
		assertThat(DocumentNormalizer.normalize("")).isNull();
		assertThat(DocumentNormalizer.normalize("# only a comment")).isNull();
	}

	private static void assertDiffers(String one, String other) {
		String normalized = DocumentNormalizer.normalize(one);
		assertThat(normalized).isNotNull();
		assertThat(DocumentNormalizer.normalize(other)).isNotNull().isNotEqualTo(normalized);
	}

}
