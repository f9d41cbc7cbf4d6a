package dev.persistedops.store.memory;

import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import dev.persistedops.document.OperationId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link InMemoryOperationDocumentStore}.
 */
class InMemoryOperationDocumentStoreTests {

	private static final String SHA256_OF_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	private final InMemoryOperationDocumentStore store = new InMemoryOperationDocumentStore();

	@Test
	void findsASavedDocument() {
		assertThat(this.store.save(OperationId.of("getUser"), "query GetUser { user }")).isTrue();
		StepVerifier.create(this.store.findDocument(OperationId.of("getUser")))
			.expectNext("query GetUser { user }")
			.verifyComplete();
	}

	@Test
	void findsNothingForAnIdThatWasNeverSaved() {
		this.store.save(OperationId.of("getUser"), "query GetUser { user }");
		StepVerifier.create(this.store.findDocument(OperationId.of("getUsers"))).verifyComplete();
	}

	@Test
	void savingTheSameTextTwiceIsAccepted() {
		assertThat(this.store.save(OperationId.of("getUser"), "query GetUser { user }")).isTrue();
		assertThat(this.store.save(OperationId.of("getUser"), "query GetUser { user }")).isTrue();
		assertThat(this.store.findDocument(OperationId.of("getUser")).block()).isEqualTo("query GetUser { user }");
	}

	@Test
	void savingADifferentTextUnderTheSameIdIsRefusedAndKeepsTheFirstText() {
		assertThat(this.store.save(OperationId.of("getUser"), "query GetUser { user }")).isTrue();
		assertThat(this.store.save(OperationId.of("getUser"), "mutation DeleteUser { deleteUser }")).isFalse();
		assertThat(this.store.findDocument(OperationId.of("getUser")).block()).isEqualTo("query GetUser { user }");
	}

	@Test
	void textsThatDifferOnlyByATrailingNewlineAreDifferent() {
		assertThat(this.store.save(OperationId.of("getUser"), "query GetUser { user }")).isTrue();
		assertThat(this.store.save(OperationId.of("getUser"), "query GetUser { user }\n")).isFalse();
	}

	@Test
	void sha256PrefixedIdAndBareDigestShareOneDocument() {
		assertThat(this.store.save(OperationId.of("sha256:" + SHA256_OF_ABC), "abc")).isTrue();
		assertThat(this.store.findDocument(OperationId.of(SHA256_OF_ABC)).block()).isEqualTo("abc");
		assertThat(this.store.save(OperationId.of(SHA256_OF_ABC), "abd")).isFalse();
	}

	@Test
	void namespacedIdsAreDistinct() {
		this.store.save(OperationId.of("web/getUser"), "query Web { web }");
		this.store.save(OperationId.of("ios/getUser"), "query Ios { ios }");
		assertThat(this.store.findDocument(OperationId.of("web/getUser")).block()).isEqualTo("query Web { web }");
		assertThat(this.store.findDocument(OperationId.of("ios/getUser")).block()).isEqualTo("query Ios { ios }");
		StepVerifier.create(this.store.findDocument(OperationId.of("getUser"))).verifyComplete();
	}

	@Test
	void refusesABlankText() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.store.save(OperationId.of("getUser"), " "))
			.withMessage("text is required");
	}

	@Test
	void listsItsDocumentsAsTheSameMapUntilOneIsAdded() {
		this.store.save(OperationId.of("getUser"), "query GetUser { user }");
		Map<String, String> first = this.store.documents();
		assertThat(first).containsExactly(Map.entry("getUser", "query GetUser { user }"));
		this.store.save(OperationId.of("getUser"), "query GetUser { user }");
		this.store.save(OperationId.of("getUser"), "mutation DeleteUser { deleteUser }");
		assertThat(this.store.documents()).isSameAs(first);
		this.store.save(OperationId.of("getUsers"), "query GetUsers { users }");
		assertThat(this.store.documents()).isNotSameAs(first).containsOnlyKeys("getUser", "getUsers");
		assertThat(this.store.documents()).isSameAs(this.store.documents());
	}

}
