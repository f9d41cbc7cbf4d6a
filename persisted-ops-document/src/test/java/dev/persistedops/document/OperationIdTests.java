package dev.persistedops.document;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link OperationId}.
 */
class OperationIdTests {

	private static final String CHARACTER_RULE = "may only contain A-Z a-z 0-9 - . _ ~ : "
			+ "and / between namespace segments";

	private static final String SEGMENT_RULE = "namespace segments may not be empty, '.' or '..'";

	private static final String LENGTH_RULE = "must be 1 to 256 characters long";

	private static final String SHA256_HEX = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

	@ParameterizedTest
	@ValueSource(strings = { "900150983cd24fb0d6963f7d28e17f72", "a9993e364706816aba3e25717850c26c9cd0d89d", SHA256_HEX,
			"client/alias", "a.b-c_d~e:f", "GetUser", "a/b/c", "Z" })
	void acceptsIdsThatFollowTheRuleAndKeepsThemAsTheirKey(String value) {
		OperationId id = OperationId.of(value);
		assertThat(id.value()).isEqualTo(value);
		assertThat(id.key()).isEqualTo(value);
		assertThat(id).hasToString(value);
	}

	@Test
	void acceptsAnIdOf256Characters() {
		String value = "a".repeat(256);
		assertThat(OperationId.of(value).key()).isEqualTo(value);
	}

	@Test
	void storesASha256PrefixedIdUnderItsBareDigest() {
		OperationId id = OperationId.of("sha256:" + SHA256_HEX);
		assertThat(id.key()).isEqualTo(SHA256_HEX);
		assertThat(id.value()).isEqualTo("sha256:" + SHA256_HEX);
		assertThat(id).hasToString("sha256:" + SHA256_HEX);
	}

	@Test
	void sha256PrefixedIdEqualsItsBareDigest() {
		OperationId prefixed = OperationId.of("sha256:" + SHA256_HEX);
		OperationId bare = OperationId.of(SHA256_HEX);
		assertThat(prefixed).isEqualTo(bare);
		assertThat(bare).isEqualTo(prefixed);
		assertThat(prefixed).hasSameHashCodeAs(bare);
	}

	@Test
	void idsWithDifferentKeysAreNotEqual() {
		assertThat(OperationId.of("client/alias")).isNotEqualTo(OperationId.of("alias"));
		assertThat(OperationId.of("alias")).isNotEqualTo(OperationId.of("Alias"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "sha256:", "sha256:abc", "sha256:" + "900150983cd24fb0d6963f7d28e17f72",
			"sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015a", "sha256:" + SHA256_HEX + "0",
			"sha256:BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD",
			"sha256:ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "sha256:" + SHA256_HEX + "/x" })
	void refusesASha256PrefixFollowedByAnythingButADigest(String value) {
		assertThatExceptionOfType(InvalidOperationIdException.class).isThrownBy(() -> OperationId.of(value))
			.withMessageContaining("'sha256:' must continue with 64 lowercase hex characters");
	}

	@Test
	void namespaceAndLocalNameOfANamespacedId() {
		OperationId id = OperationId.of("client/alias");
		assertThat(id.namespace()).isEqualTo("client");
		assertThat(id.localName()).isEqualTo("alias");
	}

	@Test
	void namespaceOfANestedIdIsEverythingBeforeTheLastSlash() {
		OperationId id = OperationId.of("a/b/c");
		assertThat(id.namespace()).isEqualTo("a/b");
		assertThat(id.localName()).isEqualTo("c");
	}

	@Test
	void idWithoutNamespaceIsItsOwnLocalName() {
		OperationId id = OperationId.of("getUser");
		assertThat(id.namespace()).isNull();
		assertThat(id.localName()).isEqualTo("getUser");
	}

	@Test
	void localNameOfASha256PrefixedIdIsTheBareDigest() {
		OperationId id = OperationId.of("sha256:" + SHA256_HEX);
		assertThat(id.namespace()).isNull();
		assertThat(id.localName()).isEqualTo(SHA256_HEX);
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/passwd", "a/./b", "a/../b", "..", "." })
	void refusesDotAndDotDotSegments(String value) {
		assertThatExceptionOfType(InvalidOperationIdException.class).isThrownBy(() -> OperationId.of(value))
			.withMessageContaining(SEGMENT_RULE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/etc/passwd", "a//b", "client/", "/", "http://x" })
	void refusesEmptySegments(String value) {
		assertThatExceptionOfType(InvalidOperationIdException.class).isThrownBy(() -> OperationId.of(value))
			.withMessageContaining(SEGMENT_RULE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "..%2F..%2Fpom", "a%41", "a\u0000b", "a\r\nb", "a\nb", "a\tb", "my op", "a*", "a?", "a[0]",
			"a\\b", "..\\..\\pom", "caf\u00e9", "\u043e\u043f\u0435\u0440\u0430\u0446\u0438\u044f", "a\u00a0b", "a@b",
			"a+b", "a=b", "a;b", "a#b" })
	void refusesCharactersOutsideTheAllowedSet(String value) {
		assertThatExceptionOfType(InvalidOperationIdException.class).isThrownBy(() -> OperationId.of(value))
			.withMessageContaining(CHARACTER_RULE);
	}

	@Test
	void refusesAnEmptyId() {
		assertThatExceptionOfType(InvalidOperationIdException.class).isThrownBy(() -> OperationId.of(""))
			.withMessageContaining(LENGTH_RULE);
	}

	@Test
	void refusesAnIdOf257Characters() {
		assertThatExceptionOfType(InvalidOperationIdException.class).isThrownBy(() -> OperationId.of("a".repeat(257)))
			.withMessageContaining(LENGTH_RULE);
	}

	@Test
	void refusesAnIdOf10Kilobytes() {
		assertThatExceptionOfType(InvalidOperationIdException.class)
			.isThrownBy(() -> OperationId.of("a".repeat(10 * 1024)))
			.withMessageContaining(LENGTH_RULE);
	}

	@ParameterizedTest
	@NullSource
	@MethodSource("nonStringValues")
	void refusesValuesThatAreNotStrings(Object value) {
		assertThatExceptionOfType(InvalidOperationIdException.class).isThrownBy(() -> OperationId.of(value))
			.withMessageContaining("must be a string");
	}

	static Stream<Object> nonStringValues() {
		return Stream.of(5, Map.of("id", "getUser"), new StringBuilder("getUser"), new char[] { 'a' });
	}

}
