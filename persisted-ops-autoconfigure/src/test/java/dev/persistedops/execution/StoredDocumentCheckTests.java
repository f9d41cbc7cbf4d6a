package dev.persistedops.execution;

import java.util.Map;

import graphql.execution.preparsed.PreparsedDocumentEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link StoredDocumentCheck}: what each mode does with invalid documents, and
 * valid documents kept parsed.
 */
@ExtendWith(OutputCaptureExtension.class)
class StoredDocumentCheckTests {

	private static final String GET_BOOK = OperationValidatorTests.GET_BOOK;

	private static final String GET_AUTHOR = OperationValidatorTests.GET_AUTHOR;

	private final OperationValidator validator = new OperationValidator(() -> OperationValidatorTests.SCHEMA);

	private final PersistedDocumentCache cache = new PersistedDocumentCache(100);

	@Test
	void failRefusesInvalidDocumentsAndKeepsNothingParsed() {
		StoredDocumentCheck check = check(SchemaValidationMode.FAIL);
		assertThatExceptionOfType(InvalidStoredDocumentsException.class)
			.isThrownBy(() -> check.check("in the store", Map.of("a", GET_BOOK, "b", GET_AUTHOR), (key) -> null))
			.withMessageStartingWith("1 of 2 persisted documents in the store is not valid against the schema:")
			.withMessageContaining("GetAuthor (id 'b'): ")
			.withMessageContaining("Field 'writer' in type 'Book' is undefined")
			.satisfies((ex) -> assertThat(ex.getReport().invalid()).hasSize(1));
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void failKeepsEveryDocumentParsedWhenAllAreValid() {
		DocumentValidationReport report = check(SchemaValidationMode.FAIL).check("in the store", Map.of("a", GET_BOOK),
				(key) -> null);
		assertThat(report).isNotNull();
		assertThat(this.cache.parsedDocument(GET_BOOK)).isSameAs(report.entries().get(GET_BOOK).getDocument());
	}

	@Test
	void warnLogsInvalidDocumentsNamingTheSettingAndKeepsValidOnesParsed(CapturedOutput output) {
		DocumentValidationReport report = check(SchemaValidationMode.WARN).check("in the store",
				Map.of("a", GET_BOOK, "b", GET_AUTHOR), (key) -> "file [b.graphql]");
		assertThat(report).isNotNull();
		assertThat(report.invalid()).hasSize(1);
		assertThat(output).contains("WARN")
			.contains("1 of 2 persisted documents in the store is not valid against the schema:")
			.contains(" - GetAuthor (id 'b', file [b.graphql]): ")
			.contains("Field 'writer' in type 'Book' is undefined")
			.contains("the.mode=fail refuses them");
		assertThat(this.cache.parsedDocument(GET_BOOK)).isNotNull();
		assertThat(this.cache.size()).isOne();
	}

	@Test
	void offChecksNothingAndKeepsNothingParsed(CapturedOutput output) {
		assertThat(check(SchemaValidationMode.OFF).check("in the store", Map.of("b", GET_AUTHOR, "a", GET_BOOK),
				(key) -> null))
			.isNull();
		assertThat(this.cache.size()).isZero();
		assertThat(output).doesNotContain("GetAuthor");
	}

	@Test
	void aTextAlreadyCachedKeepsItsEntry() {
		PreparsedDocumentEntry first = this.validator.parseAndValidate(GET_BOOK);
		this.cache.prewarm(Map.of(GET_BOOK, first));
		check(SchemaValidationMode.WARN).check("in the store", Map.of("a", GET_BOOK), (key) -> null);
		assertThat(this.cache.parsedDocument(GET_BOOK)).isSameAs(first.getDocument());
	}

	private StoredDocumentCheck check(SchemaValidationMode mode) {
		return new StoredDocumentCheck(this.validator, this.cache, mode, "the.mode");
	}

}
